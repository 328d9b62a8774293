/** Small helpers shared by the bench's scripts. */

export async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, value };
}

export const round = (n: number, digits = 0) => Number(n.toFixed(digits));

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** CPU seconds of the first full sync (bench/cpu-time.ts); null where they cannot be read. */
export interface FirstSyncCpu {
  /** Every thread of the syncing process. */
  sync: number;
  mainThread: number | null;
  simulator: number | null;
  /** The PostgreSQL server's processes (null on SQLite, which runs inside the sync's threads). */
  databaseServer: number | null;
  cores: number;
  /**
   * The rate if the sync, the simulator and the database server kept every core busy and
   * waited for nothing.
   */
  cpuBoundRate: number | null;
}

/** What bench/sync-pass.ts measured; rates in scenes per second. */
export interface SyncPassFigures {
  fetchRate: number;
  firstRate: number;
  firstCpu: FirstSyncCpu;
  peakRssMB: number;
  fetchRateBeforeResync: number;
  /** The same pages read as text, nothing parsed (the least a client can do with them). */
  downloadRateBeforeResync: number;
  reRate: number;
}

/** What the writes-only pass (bench/writes-only-pass.ts) measured; rates in scenes per second. */
export interface WritesOnlyFigures {
  fetchRate: number;
  /** Fetching the library while a first full sync's own writes are written again. */
  rate: number;
}

/** One pass: its syncs, then its writes-only bound (SQLite only: null on PostgreSQL). */
export type PassFigures = SyncPassFigures & { writesOnly: WritesOnlyFigures | null };

/** The line a pass prints its figures on, for the parent to read. */
export const passLinePrefix = "bench-pass-figures ";

/** What bench/slow-stash-pass.ts measured at one number of page requests in flight. */
export interface SlowStashPassFigures {
  concurrency: number;
  firstFullSyncSeconds: number;
  unchangedResyncSeconds: number;
  /** Every page a full sync asks for, fetched alone at `concurrency` in flight, nothing written. */
  fetchOnlySeconds: number;
  /** The deferred scene indexes of the first full sync built again, alone, after the syncs. */
  indexBuildSeconds: number;
}

/** What bench/analysis-pass.ts measured: one plan with every analyzer over planted facts. */
export interface AnalysisPassFigures {
  scenes: number;
  performers: number;
  tags: number;
  studios: number;
  planSeconds: number;
  scenesPerSecond: number;
  scenesWithChanges: number;
  changesProposed: number;
  /** The process's largest resident set while the plan ran (sampled every 20 ms). */
  planPeakRssMB: number;
  /** Of every performer, studio and date proposal, against what the simulator planted. */
  precision: number;
  recall: number;
  /** Of the proposals at or above 0.95 confidence: what a bulk approve at 0.95 would write. */
  bulkApprovePrecision: number;
  bulkApproveRecall: number;
}
