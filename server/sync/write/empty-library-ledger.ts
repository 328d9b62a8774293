/**
 * What a bulk load into an empty library has planned so far (bulk-load.ts). The library was
 * empty when it began and the sync lock keeps other writers out, so an id no page of it has
 * planned is not stored: a page of such ids needs no lookup. An id planned before is looked up
 * as usual, whether or not its page committed (a page retried scene by scene plans each again).
 */
export class EmptyLibraryLedger {
  private readonly planned = { scene: new Set<string>(), file: new Set<string>() };

  /** Whether none of these ids was planned before; they count as planned from now on. */
  firstPlanned(kind: "scene" | "file", ids: string[]): boolean {
    const planned = this.planned[kind];
    let first = true;
    for (const id of ids) {
      if (planned.has(id)) first = false;
      else planned.add(id);
    }
    return first;
  }
}
