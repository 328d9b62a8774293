/**
 * What a bulk load into an empty library has planned so far (bulk-load.ts). The library was
 * empty when it began and the sync lock keeps other writers out, so an id no page of it has
 * planned is not stored: a page of such ids needs no lookup. An id planned before is looked up
 * as usual, whether or not its page committed (a page retried scene by scene plans each again).
 *
 * The load may run without the tables' primary keys, which nothing then needs: each row it
 * writes has a key no page wrote before. The first id planned twice brings them back, before
 * its lookup, so that its page is written (ON CONFLICT) and checked as any later sync's is.
 */
export class EmptyLibraryLedger {
  private readonly planned = { scene: new Set<string>(), file: new Set<string>() };
  private keysBack: Promise<unknown> | null = null;

  /** `restoreKeys` brings back the primary keys the load deferred, if any. */
  constructor(private readonly restoreKeys: () => Promise<unknown>) {}

  /**
   * Whether none of these ids was planned before; they count as planned from now on. When one
   * was, the tables' primary keys are back when this resolves.
   */
  async firstPlanned(kind: "scene" | "file", ids: string[]): Promise<boolean> {
    const planned = this.planned[kind];
    let first = true;
    for (const id of ids) {
      if (planned.has(id)) first = false;
      else planned.add(id);
    }
    if (!first) await (this.keysBack ??= this.restoreKeys());
    return first;
  }
}
