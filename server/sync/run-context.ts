import { db, type Db } from "../db/client";
import type { ChangeType, SyncType } from "../domain/vocabulary";
import type { LatestUpdate, StashClient } from "../stash/client";
import type { EntityType } from "../stash/types";
import type { RefType } from "./compare/ref-specs";
import { defaultPageConcurrency } from "./page-concurrency";
import { ProgressTracker } from "./progress-tracker";
import type { EmptyLibraryLedger } from "./write/empty-library-ledger";

/** Counts of one run, by outcome; sync_history's counters are written from these. */
export class Tally {
  created = 0;
  updated = 0;
  skipped = 0;
  failed = 0;

  add(change: ChangeType) {
    this[change]++;
  }

  get synced() {
    return this.created + this.updated + this.skipped + this.failed;
  }

  get hadChanges() {
    return this.created + this.updated > 0;
  }
}

/** Everything one run's phases share. */
export interface RunContext {
  db: Db;
  client: StashClient;
  runId: number;
  jobId: string;
  syncType: SyncType;
  perPage: number;
  /** Page requests a paged phase keeps in flight at once (page-window.ts). */
  pageConcurrency: number;
  signal: AbortSignal;
  progress: ProgressTracker;
  tally: Tally;
  /** Ids of performers, tags and studios present locally, so scene links never dangle. */
  knownRefs: Map<RefType, Set<string>>;
  /** The newest finished full sync's start when this run began (full-sync-confirmation.ts). */
  fullSyncStart: Date | null;
  /** The restore (scene_restore.id) this run records, logged as the cause of its rows. */
  restoreId: number | null;
  /**
   * The watermark probe sent beside the compatibility check (watermarks.ts), for the run's
   * first probe to take; null when there is none.
   */
  watermarkProbe: Promise<Partial<Record<EntityType, LatestUpdate>>> | null;
  /** Set while a first sync fills an empty library (bulk-load.ts): what its pages planned. */
  emptyLibrary: EmptyLibraryLedger | null;
}

/** A run's context with nothing done yet: no counts, no refs known, progress not started. */
export function newRunContext(
  run: Pick<RunContext, "client" | "runId" | "jobId" | "syncType" | "perPage" | "signal"> &
    Partial<Pick<RunContext, "restoreId" | "pageConcurrency" | "watermarkProbe">>,
  fullSyncStart: Date | null,
): RunContext {
  return {
    restoreId: null,
    pageConcurrency: defaultPageConcurrency,
    watermarkProbe: null,
    ...run,
    emptyLibrary: null,
    db: db(),
    progress: new ProgressTracker(run.runId, run.jobId),
    tally: new Tally(),
    knownRefs: new Map(),
    fullSyncStart,
  };
}

/**
 * Which outcomes get a sync_log row of their own. A full sync logs only what it changed or
 * failed (plus its one NULL-entity row); the other types log every entity they read.
 */
export function logsOutcome(syncType: SyncType, change: ChangeType): boolean {
  return syncType !== "full" || change !== "skipped";
}

export class SyncCancelled extends Error {
  override name = "SyncCancelled";
}

const cancelled = () => new SyncCancelled("The sync was cancelled.");

export function throwIfCancelled(signal: AbortSignal) {
  if (signal.aborted) throw cancelled();
}

/**
 * `asked`'s answer, unless the run is cancelled first: then the cancel at once. A request to
 * a Stash that hangs is not waited for; its answer, if it comes, is dropped.
 */
export function unlessCancelled<T>(signal: AbortSignal, asked: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancel = () => reject(cancelled());
    signal.addEventListener("abort", cancel, { once: true });
    asked.then(resolve, reject).finally(() => signal.removeEventListener("abort", cancel));
    if (signal.aborted) cancel();
  });
}
