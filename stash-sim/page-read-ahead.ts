/**
 * Answers the next page before it is asked for. A client paging through the library asks for
 * page N+1 right after page N; the simulator computes that answer while the client is still
 * reading page N, so serving the library costs the client almost no waiting (without latency;
 * see start-stash-sim.ts for why not with it). Invisible on the wire: an answer is reused only
 * for the identical request while the library is unchanged, and faults, auth and the request
 * log apply to every request as before.
 */

export interface GraphQLParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

export interface CachedAnswer {
  status: number;
  contentType: string;
  body: string;
}

function keyOf(params: GraphQLParams): string {
  return JSON.stringify([params.query, params.operationName ?? null, params.variables ?? null]);
}

/** The page a request asks for, when `variables.filter` pages a list. */
export function requestedPage(params: GraphQLParams): number | null {
  const variables = params.variables as { filter?: { page?: unknown; per_page?: unknown } } | null;
  const filter = variables?.filter;
  if (!filter || typeof filter.page !== "number" || typeof filter.per_page !== "number")
    return null;
  return filter.per_page > 0 ? filter.page : null;
}

/** The same request for the following page, when `variables.filter` pages a list. */
function nextPageParams(params: GraphQLParams): GraphQLParams | null {
  const page = requestedPage(params);
  if (page === null) return null;
  // A copy with only the page changed keeps the key's field order identical to the client's.
  const next = structuredClone(params) as { variables: { filter: { page: number } } };
  next.variables.filter.page = page + 1;
  return next;
}

export class PageReadAhead {
  private ready: { key: string; changes: number; answer: CachedAnswer } | null = null;
  private running: { key: string; done: Promise<void> } | null = null;
  /** Requests being answered, by key: a page already asked for is not computed twice. */
  private readonly inProgress = new Map<string, number>();

  constructor(
    private readonly run: (params: GraphQLParams) => Promise<CachedAnswer>,
    /** The library's change counter: an answer computed before a change is never served. */
    private readonly changes: () => number,
    /** Whether to prepare pages ahead now (the simulator's settings can change while it runs). */
    private readonly enabled: () => boolean = () => true,
  ) {}

  /** The prepared answer for exactly this request, if the library has not changed since. */
  async take(params: GraphQLParams): Promise<CachedAnswer | null> {
    const key = keyOf(params);
    if (this.running?.key === key) await this.running.done;
    const ready = this.ready;
    if (!ready || ready.key !== key) return null;
    this.ready = null;
    return ready.changes === this.changes() ? ready.answer : null;
  }

  /** Runs `answer` for this request, known as being answered meanwhile. */
  async answering<T>(params: GraphQLParams, answer: () => Promise<T>): Promise<T> {
    const key = keyOf(params);
    this.inProgress.set(key, (this.inProgress.get(key) ?? 0) + 1);
    try {
      return await answer();
    } finally {
      const left = this.inProgress.get(key)! - 1;
      if (left > 0) this.inProgress.set(key, left);
      else this.inProgress.delete(key);
    }
  }

  /** After answering `params`, prepares the next page in the background. */
  prepareAfter(params: GraphQLParams): void {
    if (!this.enabled()) return;
    const next = nextPageParams(params);
    // A client with several pages in flight has asked for the next one already: computing it
    // again would only take CPU from the requests being answered.
    if (!next || this.running || this.inProgress.has(keyOf(next))) return;
    const key = keyOf(next);
    const changes = this.changes();
    const done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.run(next))
      .then((answer) => {
        if (answer.status === 200 && this.changes() === changes) {
          this.ready = { key, changes, answer };
        }
      })
      .catch(() => {})
      .finally(() => {
        this.running = null;
      });
    this.running = { key, done };
  }
}
