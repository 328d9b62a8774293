import { randomUUID } from "node:crypto";
import { bulkWriter } from "../db/bulk-writer";
import { restoreDeferredSchema, restorePrimaryKeys } from "../db/deferred-schema";
import { db } from "../db/client";
import type { SyncTrigger } from "../domain/vocabulary";
import { env } from "../env";
import { AppError, errorText, isAppError } from "../errors";
import { logger } from "../logger";
import { readStashConnection } from "../settings/stash-connection";
import { StashClient } from "../stash/client";
import { requestCancel, watchCancelRequests } from "./run/cancel-requests";
import { latestFullSyncStart } from "./full-sync-confirmation";
import { readPageConcurrency } from "./page-concurrency";
import { readPreviousWatermarks } from "./previous-watermarks";
import { newRunContext, SyncCancelled, type RunContext } from "./run-context";
import {
  endRun,
  markRunInterrupted,
  openRun,
  readRunSummary,
  type OpenRun,
  type RunEnd,
} from "./run-record";
import { runFullSync } from "./run/full-sync";
import { runIncrementalSync } from "./run/incremental-sync";
import { runSpecificSync } from "./run/specific-sync";
import { sendWatermarkProbe, type Watermarks } from "./run/watermarks";
import {
  acquireSyncLock,
  handOverSyncLock,
  keepSyncLockBeating,
  releaseSyncLock,
} from "./sync-lock";
import type { SyncRequest } from "./sync-request";
import type { SyncRunSummary } from "./sync-run-view";

export interface SyncOptions {
  /** Overrides the configured Stash (tests, the demo, the benchmark). */
  stash?: { url: string; apiKey?: string | null };
  perPage?: number;
  /** Page requests in flight at once; default: the saved setting (page-concurrency.ts). */
  pageConcurrency?: number;
  /** Stash reported the requested scenes' changes itself (plugin hooks): gone means removed. */
  missingScenesRemoved?: boolean;
  /** The restore this run follows (scene_restore.id), recorded on its log rows as their cause. */
  restoreId?: number;
  /**
   * The job that holds the sync lock for this run (an apply or a restore that syncs what it
   * wrote): the run takes the lock over and hands it back when it ends, so no other sync
   * starts in between.
   */
  heldLock?: string;
}

export type { SyncRunSummary };

export interface StartedSync {
  jobId: string;
  /** Settles when the run ends; never rejects: failures are in the summary. */
  done: Promise<SyncRunSummary>;
}

// Runs of this process, for cancellation. Runs of other processes are cancelled through their
// sync_history row (cancel-requests.ts) and seen through the lock (sync-lock.ts). Kept on
// globalThis: Next bundles the request handlers and instrumentation.ts (the shutdown) apart,
// each with its own copy of this module.
interface ProcessRuns {
  running: Map<string, { controller: AbortController; done?: Promise<unknown> }>;
  shuttingDown: boolean;
}
const processRuns = ((globalThis as unknown as { stashSyncRuns?: ProcessRuns }).stashSyncRuns ??= {
  running: new Map(),
  shuttingDown: false,
});
const running = processRuns.running;

/** The abort reason of runs cancelled because the process is stopping (SIGTERM). */
const SHUTDOWN = "shutdown";

/**
 * Starts a sync and returns as soon as it is recorded in sync_history (status running), with
 * a promise of its end. Refuses with SYNC_ALREADY_RUNNING (and the running job's id) while
 * another sync holds the lock, in this process or another.
 */
export async function startSync(
  request: SyncRequest,
  trigger: SyncTrigger,
  options: SyncOptions = {},
): Promise<StartedSync> {
  if (processRuns.shuttingDown) {
    throw new AppError(
      "SHUTTING_DOWN",
      "stash-sync is shutting down: start the sync again once it is back.",
    );
  }
  const database = db();
  const jobId = randomUUID();
  const { heldLock } = options;
  const { deadHolderJobId } = heldLock
    ? await handOverSyncLock(database, heldLock, jobId).then(() => ({ deadHolderJobId: null }))
    : await acquireSyncLock(database, jobId);
  const releaseLock = () =>
    heldLock ? handOverSyncLock(database, jobId, heldLock) : releaseSyncLock(database, jobId);
  let run;
  try {
    if (deadHolderJobId) await markRunInterrupted(database, deadHolderJobId);
    run = await openRun(database, jobId, request, trigger);
  } catch (error) {
    await releaseLock();
    throw error;
  }
  // Stash must answer before the run goes to the background, so a caller hears at once that
  // it is unreachable or refuses the key; the run is still recorded, as failed.
  let client: StashClient;
  let pageConcurrency: number;
  let watermarkProbe: RunContext["watermarkProbe"] = null;
  // The run's signal, from its first request: the probe is one of them.
  const controller = new AbortController();
  // Nothing else beats until the run's progress does: a slow or retried answer could outlast
  // the lock's stale time, and another process would take the lock of a live run.
  const stopBeating = keepSyncLockBeating(database, jobId);
  try {
    pageConcurrency = options.pageConcurrency ?? (await readPageConcurrency());
    client = await createStashClient({ ...options, pageConcurrency });
    if (request.type !== "specific") watermarkProbe = sendWatermarkProbe(client, controller.signal);
    await client.checkCompatibility();
  } catch (error) {
    // No one will read the probe's answer: close its request.
    controller.abort(error);
    await endRun(database, run, {
      status: "failed",
      errorMessage: failureMessage(error),
      counts: noCounts,
    });
    await releaseLock();
    if (isAppError(error))
      throw new AppError(error.code, error.message, { ...error.details, jobId });
    throw error;
  } finally {
    stopBeating();
  }
  const entry: { controller: AbortController; done?: Promise<unknown> } = { controller };
  running.set(jobId, entry);
  const stopWatching = watchCancelRequests(run.id, controller);
  const done = execute(
    run,
    request,
    client,
    controller.signal,
    { ...options, pageConcurrency },
    watermarkProbe,
  ).finally(async () => {
    stopWatching();
    running.delete(jobId);
    await releaseLock().catch(() => {});
  });
  entry.done = done;
  return { jobId, done };
}

/** Starts a sync and waits for its end (CLI, scripts, tests). */
export async function runSync(
  request: SyncRequest,
  trigger: SyncTrigger,
  options: SyncOptions = {},
): Promise<SyncRunSummary> {
  try {
    return await (
      await startSync(request, trigger, options)
    ).done;
  } catch (error) {
    // A run that was recorded and failed before it began: answer with its summary.
    const jobId = isAppError(error) ? error.details.jobId : undefined;
    if (
      typeof jobId === "string" &&
      error instanceof AppError &&
      error.code !== "SYNC_ALREADY_RUNNING"
    ) {
      return readRunSummary(db(), jobId);
    }
    throw error;
  }
}

/**
 * Asks a run to stop after the page it is on: at once when this process runs it, else through
 * its sync_history row (cancel-requests.ts). True when the request reached a running run.
 */
export async function cancelSync(jobId: string): Promise<boolean> {
  const entry = running.get(jobId);
  if (!entry) return requestCancel(db(), jobId);
  entry.controller.abort();
  return true;
}

/**
 * For a stopping process (SIGTERM): refuses new syncs, asks this process's runs to stop after
 * the page they are on, and settles once every one of them is recorded as cancelled.
 */
export async function cancelSyncsForShutdown(): Promise<number> {
  processRuns.shuttingDown = true;
  const runs = [...running.values()];
  for (const { controller } of runs) controller.abort(SHUTDOWN);
  await Promise.all(runs.map(({ done }) => done?.catch(() => {})));
  return runs.length;
}

async function execute(
  run: OpenRun,
  request: SyncRequest,
  client: StashClient,
  signal: AbortSignal,
  options: SyncOptions,
  watermarkProbe: RunContext["watermarkProbe"],
): Promise<SyncRunSummary> {
  const ctx = newRunContext(
    {
      client,
      runId: run.id,
      jobId: run.jobId,
      syncType: request.type,
      perPage: options.perPage ?? env().STASH_PAGE_SIZE,
      signal,
      restoreId: options.restoreId ?? null,
      watermarkProbe,
    },
    null,
  );
  const { progress, tally } = ctx;
  const end: Outcome = { status: "completed", errorMessage: null };
  progress.start();
  try {
    // Read here, not when the context is made: a database error then ends the run as failed.
    ctx.fullSyncStart = await latestFullSyncStart();
    ctx.pageConcurrency = options.pageConcurrency ?? (await readPageConcurrency());
    // A run killed while filling an empty library left its indexes and keys deferred
    // (bulk-load.ts). Its writes need the primary keys (ON CONFLICT): without them it stops
    // here, saying so. Reads are only slower without the rest: a failure to rebuild those must
    // not stop this run.
    await restorePrimaryKeys().catch((error: unknown) => {
      throw new AppError(
        "SCHEMA_INCOMPLETE",
        `The scene tables' primary keys, which a first sync leaves out until its end, could not be built again (${errorText(error)}); a sync cannot write without them.`,
        {},
        { cause: error },
      );
    });
    await restoreDeferredSchema().catch((error: unknown) =>
      logger.warn(`Could not rebuild deferred indexes: ${errorText(error)}`),
    );
    if (request.type === "full") {
      end.watermarkTo = await runFullSync(ctx);
    } else if (request.type === "incremental") {
      end.watermarkFrom = await readPreviousWatermarks();
      end.watermarkTo = await runIncrementalSync(ctx, end.watermarkFrom);
    } else {
      await runSpecificSync(ctx, request.sceneIds, {
        missingRemoved: options.missingScenesRemoved ?? false,
      });
    }
    end.status = ctx.tally.failed > 0 ? "completed_with_errors" : "completed";
  } catch (error) {
    if (error instanceof SyncCancelled || signal.aborted) {
      end.status = "cancelled";
      end.errorMessage =
        signal.reason === SHUTDOWN
          ? "Cancelled because stash-sync was stopped (SIGTERM). Work done before that is kept; the next sync catches up."
          : "Cancelled on request. Work done before that is kept.";
    } else {
      end.status = "failed";
      end.errorMessage = failureMessage(error);
      logger.error(`Sync ${run.jobId} failed: ${end.errorMessage}`);
    }
    // Only a run that finished may move the watermarks.
    end.watermarkTo = undefined;
  } finally {
    await progress.stop();
  }
  await bulkWriter()
    .checkpoint()
    .catch(() => {}); // readers may hold the WAL; the next automatic checkpoint will do
  return endRun(ctx.db, run, {
    ...end,
    counts: tally,
    progress: { done: progress.done, total: progress.total },
  });
}

type Outcome = Pick<RunEnd, "status" | "errorMessage"> & {
  watermarkFrom?: Watermarks;
  watermarkTo?: Watermarks;
};

const noCounts = { created: 0, updated: 0, skipped: 0, failed: 0 };

/** What a person reads about a failed run: our typed messages, or a generic one. */
function failureMessage(error: unknown): string {
  if (isAppError(error)) return error.message;
  logger.error(
    `Unexpected sync error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return "The sync stopped on an unexpected error; the server log has the details.";
}

/** A client for the configured Stash (or the one the options name). */
export async function createStashClient(options: SyncOptions = {}): Promise<StashClient> {
  const connection = options.stash ?? (await readStashConnection());
  if (!connection.url) {
    throw new AppError(
      "CONFIG_INVALID",
      "Stash is not configured: set STASH_URL or save Stash's address in Settings.",
    );
  }
  return new StashClient({
    url: connection.url,
    apiKey: connection.apiKey ?? undefined,
    timeoutMs: env().STASH_TIMEOUT_MS,
    perPage: options.perPage ?? env().STASH_PAGE_SIZE,
    // A sync's client: its page concurrency bounds every request of the run, not pages alone.
    maxInFlight: options.pageConcurrency,
  });
}
