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
}

export function noFaults(): FaultState {
  return {
    latencyMs: 0,
    failNext: { count: 0, status: 500 },
    dropNext: 0,
    rejectNextWrites: { count: 0, message: "" },
  };
}
