/**
 * Collects hook events and calls `flush` once they stop: after `quietMs` without a new event,
 * or `maxWaitMs` after the first one of a batch, whichever is first. A bulk edit in Stash fires
 * one hook per scene; they become one batch.
 */
export class HookBatch<Event> {
  private events: Event[] = [];
  private quietTimer: NodeJS.Timeout | undefined;
  private firstAt: number | null = null;

  constructor(
    private readonly flush: (events: Event[]) => void,
    private readonly quietMs: number,
    private readonly maxWaitMs: number,
  ) {}

  add(event: Event): number {
    this.events.push(event);
    const now = Date.now();
    this.firstAt ??= now;
    clearTimeout(this.quietTimer);
    const wait = Math.max(0, Math.min(this.quietMs, this.firstAt + this.maxWaitMs - now));
    this.quietTimer = setTimeout(() => this.release(), wait);
    this.quietTimer.unref();
    return this.events.length;
  }

  get pending(): readonly Event[] {
    return this.events;
  }

  private release(): void {
    const batch = this.events;
    this.events = [];
    this.firstAt = null;
    if (batch.length > 0) this.flush(batch);
  }
}
