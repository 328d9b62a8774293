/**
 * Time as the scheduler sees it. The server uses the system clock; tests pass a manual clock
 * and move it forward, so no test waits for an interval or asserts on wall-clock time.
 */
export interface Clock {
  now(): Date;
  /** Calls `callback` once after `ms`; returns a function that cancels it. */
  setTimer(callback: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimer(callback, ms) {
    const handle = setTimeout(callback, ms);
    // A pending tick must never keep a process (CLI, test runner) alive.
    handle.unref();
    return () => clearTimeout(handle);
  },
};
