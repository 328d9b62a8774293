/** How many failures a client gets for free, and how long it waits after them. */
export interface FailureLimitPolicy {
  /** Failures allowed before the first wait. */
  freeFailures: number;
  /** A client quiet this long after its last failure (or wait) starts again from zero. */
  forgetAfterMs: number;
  /** The first wait; each failure after it doubles the wait, up to maxWaitMs. */
  firstWaitMs: number;
  maxWaitMs: number;
  /** Clients remembered at once; the least recently failing are forgotten first. */
  maxClients: number;
}

interface ClientFailures {
  failures: number;
  lastFailureAt: number;
  blockedUntil: number;
}

/**
 * Counts failures per client and makes a client that keeps failing wait, longer each time
 * (exponential backoff). Attempts made while a client waits are refused without being judged,
 * so they teach it nothing. In memory: one server process is the whole deployment.
 */
export class FailureLimiter {
  private readonly clients = new Map<string, ClientFailures>();

  constructor(
    private readonly policy: FailureLimitPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** How long this client must still wait before its next attempt is judged; 0 when it need not. */
  waitMs(client: string): number {
    const state = this.clients.get(client);
    return state ? Math.max(0, state.blockedUntil - this.now()) : 0;
  }

  /** Counts a failure; answers the wait it starts (0 while the client is within its free ones). */
  recordFailure(client: string): { failures: number; waitMs: number } {
    const now = this.now();
    const previous = this.clients.get(client);
    const state =
      previous && !this.forgotten(previous, now)
        ? previous
        : { failures: 0, lastFailureAt: now, blockedUntil: 0 };
    state.failures += 1;
    state.lastFailureAt = now;
    const over = state.failures - this.policy.freeFailures;
    const waitMs =
      over > 0 ? Math.min(this.policy.firstWaitMs * 2 ** (over - 1), this.policy.maxWaitMs) : 0;
    if (waitMs > 0) state.blockedUntil = now + waitMs;
    // Re-inserted so the map's order is least recently failing first.
    this.clients.delete(client);
    this.clients.set(client, state);
    this.keepWithinCap(now);
    return { failures: state.failures, waitMs };
  }

  /** A client that got it right starts again from zero. */
  recordSuccess(client: string): void {
    this.clients.delete(client);
  }

  private forgotten(state: ClientFailures, now: number): boolean {
    return now - Math.max(state.lastFailureAt, state.blockedUntil) > this.policy.forgetAfterMs;
  }

  private keepWithinCap(now: number): void {
    if (this.clients.size <= this.policy.maxClients) return;
    for (const [client, state] of this.clients) {
      if (this.forgotten(state, now)) this.clients.delete(client);
    }
    for (const client of this.clients.keys()) {
      if (this.clients.size <= this.policy.maxClients) break;
      this.clients.delete(client);
    }
  }
}
