/** Failures a test or the demo switches on; each request to Stash's endpoint consults them. */
export interface FaultState {
  /** Added before every answer. */
  latencyMs: number;
  /** The next `count` requests answer this HTTP status with a plain-text body. */
  failNext: { count: number; status: number };
  /** The next `count` requests have their socket destroyed without an answer. */
  dropNext: number;
  /** The next `count` mutations fail in Stash itself: HTTP 200 with this GraphQL error. */
  rejectNextWrites: { count: number; message: string };
  /**
   * Requests for this page of a list, or a later one, get no answer until Stash goes away
   * (which cuts them) or the faults are reset: a Stash that hangs partway through a run.
   */
  holdPagesFrom: number | null;
  /** Requests of these operations (by operationName) are held the same way. */
  holdOperations: string[];
}

export function noFaults(): FaultState {
  return {
    latencyMs: 0,
    failNext: { count: 0, status: 500 },
    dropNext: 0,
    rejectNextWrites: { count: 0, message: "" },
    holdPagesFrom: null,
    holdOperations: [],
  };
}
