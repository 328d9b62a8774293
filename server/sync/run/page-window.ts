import type { Paged } from "../../stash/types";

/**
 * Keeps up to `limit` page requests in flight ahead of the page being written, and hands the
 * answers out strictly in page order. A slow Stash answers each request after its own delay,
 * so a sync takes about pages × latency ÷ limit instead of pages × latency; at most `limit`
 * answers wait here, which bounds memory however far Stash runs ahead of the writes.
 */
export class PageWindow<Item> {
  private readonly pending = new Map<number, Promise<Paged<Item>>>();
  /** The next page number not yet asked for. */
  private nextToAsk = 1;
  /** The last page worth asking for, from the newest count Stash gave; unknown at first. */
  private lastPage = 1;

  constructor(
    private readonly fetchPage: (page: number) => Promise<Paged<Item>>,
    private readonly limit: number,
    private readonly perPage: number,
    /** Page 1, when it was asked for already (sync-entity-type.ts asks every type's at once). */
    first?: Promise<Paged<Item>>,
  ) {
    if (first) this.pending.set(1, first);
  }

  /** The answer for `page`, asking for it now if it was not asked for yet. */
  async take(page: number): Promise<Paged<Item>> {
    if (!this.pending.has(page)) this.ask(page);
    const answer = this.pending.get(page)!;
    this.pending.delete(page);
    const current = await answer;
    this.lastPage = Math.max(1, Math.ceil(current.count / this.perPage));
    return current;
  }

  /** Asks for the pages after `page` that fit the window and Stash's newest count. */
  fillAfter(page: number): void {
    this.nextToAsk = Math.max(this.nextToAsk, page + 1);
    while (this.pending.size < this.limit && this.nextToAsk <= this.lastPage) {
      this.ask(this.nextToAsk);
    }
  }

  private ask(page: number): void {
    const answer = this.fetchPage(page);
    // Every answer is awaited in order, but maybe never (a cancel, a failed write, the count
    // shrank): a handler keeps its failure from being reported as unhandled meanwhile.
    answer.catch(() => {});
    this.pending.set(page, answer);
    this.nextToAsk = Math.max(this.nextToAsk, page + 1);
  }
}
