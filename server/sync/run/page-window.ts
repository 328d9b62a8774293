import type { Paged } from "../../stash/types";

/**
 * Keeps up to `limit` page requests in flight ahead of the page being written, and hands the
 * answers out strictly in page order. A slow Stash answers each request after its own delay,
 * so a sync takes about pages × latency ÷ limit instead of pages × latency; asked and
 * answered together, at most `limit` pages wait here, which bounds memory however far Stash
 * runs ahead of the writes.
 */
export class PageWindow<Item> {
  private readonly pending = new Map<number, Promise<Paged<Item>>>();
  /** Asked for and not answered yet. */
  private inFlight = 0;
  /** Answered and not taken yet. */
  private waiting = 0;
  /** The next page number not yet asked for. */
  private nextToAsk = 1;
  /** The last page worth asking for, from the newest count Stash gave; 1 until one is known. */
  private lastPage: number;

  /** `expectedCount`: how many records there are, when known before the first answer. */
  constructor(
    private readonly fetchPage: (page: number) => Promise<Paged<Item>>,
    private readonly limit: number,
    private readonly perPage: number,
    expectedCount?: number,
  ) {
    this.lastPage = this.pagesFor(expectedCount ?? 0);
  }

  /**
   * Asks for page 1 now, and the pages after it when the count is known already (else the
   * first answer's count tells): a type's pages are on their way while the types before it
   * are written.
   */
  start(): this {
    if (!this.pending.has(1)) this.ask(1);
    this.fill();
    return this;
  }

  /** The answer for `page`, asking for it now if it was not asked for yet. */
  async take(page: number): Promise<Paged<Item>> {
    if (!this.pending.has(page)) this.ask(page);
    const answer = this.pending.get(page)!;
    this.pending.delete(page);
    try {
      return await answer;
    } finally {
      this.waiting--;
      this.fill();
    }
  }

  private fill(): void {
    while (this.inFlight + this.waiting < this.limit && this.nextToAsk <= this.lastPage) {
      this.ask(this.nextToAsk);
    }
  }

  private pagesFor(count: number): number {
    return Math.max(1, Math.ceil(count / this.perPage));
  }

  private ask(page: number): void {
    this.inFlight++;
    const arrived = () => {
      this.inFlight--;
      this.waiting++;
    };
    const answer = this.fetchPage(page).then(
      (current) => {
        arrived();
        this.lastPage = this.pagesFor(current.count);
        this.fill();
        return current;
      },
      (error: unknown) => {
        arrived();
        throw error;
      },
    );
    // Every answer is awaited in order, but maybe never (a cancel, a failed write, the count
    // shrank): a handler keeps its failure from being reported as unhandled meanwhile.
    answer.catch(() => {});
    this.pending.set(page, answer);
    this.nextToAsk = Math.max(this.nextToAsk, page + 1);
  }
}
