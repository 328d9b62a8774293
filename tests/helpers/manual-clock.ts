import type { Clock } from "../../server/schedule/clock";

/**
 * A clock a test moves by hand: timers fire when `advance` passes their time, never on their
 * own, so a test states "15 minutes later" without waiting for them.
 */
export class ManualClock implements Clock {
  private timers: Array<{ at: number; callback: () => void }> = [];

  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  setTimer(callback: () => void, ms: number): () => void {
    const timer = { at: this.current.getTime() + ms, callback };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves time forward and fires the timers that came due (each at most once). */
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
    const due = this.timers.filter((t) => t.at <= this.current.getTime());
    this.timers = this.timers.filter((t) => t.at > this.current.getTime());
    for (const timer of due) timer.callback();
  }
}
