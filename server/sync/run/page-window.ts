import type { Paged } from "../../stash/types";

/**
 * Page requests asked for and not yet taken, shared by the page windows of one run, and granted
 * to them in the order their pages are written: a run's last performer page is asked before its
 * first scene page, so the writes never wait behind pages they cannot use yet.
 */
export class PageBudget {
  private used = 0;
  private closed = false;
  private readonly windows: { fill(): void; close(): void }[] = [];

  constructor(readonly limit: number) {}

  /** Windows join in the order their pages are written. */
  join(window: { fill(): void; close(): void }): void {
    this.windows.push(window);
  }

  claim(): boolean {
    if (this.closed || this.used >= this.limit) return false;
    this.used++;
    return true;
  }

  release(): void {
    this.used--;
    if (!this.closed) for (const window of this.windows) window.fill();
  }

  /** The run is over: answers still on their way ask Stash for nothing more, nor are awaited. */
  close(): void {
    this.closed = true;
    for (const window of this.windows) window.close();
  }
}

/**
 * Keeps up to `limit` page requests asked ahead of the page being written, and hands the
 * answers out strictly in page order. A slow Stash answers each request after its own delay,
 * so a sync takes about pages × latency ÷ limit instead of pages × latency; asked and
 * answered together, at most `limit` pages wait here, which bounds memory however far Stash
 * runs ahead of the writes. Windows of one run share a PageBudget, so the bound is the run's.
 */
export class PageWindow<Item> {
  private readonly pending = new Map<number, Promise<Paged<Item>>>();
  /** Pending pages that hold a share of the budget (a page taken before it was asked holds none). */
  private readonly claimed = new Set<number>();
  private readonly budget: PageBudget;
  /** Aborts the requests of answers no one will take (see close()). */
  private readonly requests = new AbortController();
  /** The next page number not yet asked for. */
  private nextToAsk = 1;
  /** The last page worth asking for, from the newest count Stash gave; 1 until one is known. */
  private lastPage: number;

  /**
   * `limit`: a run's shared budget, or a number for a window of its own. `expectedCount`: how
   * many records there are, when known before the first answer.
   */
  constructor(
    private readonly fetchPage: (page: number, signal: AbortSignal) => Promise<Paged<Item>>,
    limit: PageBudget | number,
    private readonly perPage: number,
    expectedCount?: number,
  ) {
    this.budget = typeof limit === "number" ? new PageBudget(limit) : limit;
    this.budget.join(this);
    this.lastPage = this.pagesFor(expectedCount ?? 0);
  }

  /**
   * Asks for the first pages now, as many as the budget allows (all of them when the count is
   * known already, else the first answer's count tells): a type's pages are on their way while
   * the types before it are written.
   */
  start(): this {
    this.fill();
    return this;
  }

  /** The answer for `page`, asking for it now if it was not asked for yet. */
  async take(page: number): Promise<Paged<Item>> {
    if (!this.pending.has(page)) this.ask(page, false);
    const answer = this.pending.get(page)!;
    this.pending.delete(page);
    const held = this.claimed.delete(page);
    try {
      return await answer;
    } finally {
      if (held) this.budget.release();
      else this.fill();
    }
  }

  /**
   * The window is done with (its type written, or the run stopped): the budget its unused
   * answers hold (pages past a count that shrank) goes to the windows after it, and their
   * requests are abandoned, so Stash need not finish them.
   */
  close(): void {
    this.requests.abort(new Error("This page window is closed: no one reads its pages."));
    this.nextToAsk = Number.POSITIVE_INFINITY;
    const held = this.claimed.size;
    this.claimed.clear();
    for (let i = 0; i < held; i++) this.budget.release();
    this.pending.clear();
  }

  fill(): void {
    while (this.nextToAsk <= this.lastPage && this.budget.claim()) this.ask(this.nextToAsk, true);
  }

  private pagesFor(count: number): number {
    return Math.max(1, Math.ceil(count / this.perPage));
  }

  private ask(page: number, claimed: boolean): void {
    if (claimed) this.claimed.add(page);
    const answer = this.fetchPage(page, this.requests.signal).then((current) => {
      this.lastPage = this.pagesFor(current.count);
      this.fill();
      return current;
    });
    // Every answer is awaited in order, but maybe never (a cancel, a failed write, the count
    // shrank): a handler keeps its failure from being reported as unhandled meanwhile.
    answer.catch(() => {});
    this.pending.set(page, answer);
    this.nextToAsk = Math.max(this.nextToAsk, page + 1);
  }
}
