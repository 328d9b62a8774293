import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import type { SyncStatus, SyncTrigger, SyncType } from "../domain/vocabulary";
import { env } from "../env";
import { AppError, isAppError } from "../errors";
import { logger } from "../logger";
import { readStashConnection } from "../settings/stash-connection";
import { StashClient } from "../stash/client";
import { ProgressTracker } from "./run/progress-tracker";
import type { Watermarks } from "./run/phases";
import { SyncCancelled, Tally, type RunContext } from "./run/run-context";
import { runFullSync, runIncrementalSync, runSpecificSync } from "./run/run-sync-type";
import { acquireSyncLock, beatSyncLock, releaseSyncLock } from "./sync-lock";
import type { SyncRequest } from "./sync-request";

export interface SyncOptions {
  /** Overrides the configured Stash (tests, the demo, the benchmark). */
  stash?: { url: string; apiKey?: string | null };
  perPage?: number;
}

export interface SyncRunSummary {
  jobId: string;
  syncType: SyncType;
  status: SyncStatus;
  itemsSynced: number;
  itemsCreated: number;
  itemsUpdated: number;
  itemsSkipped: number;
  itemsFailed: number;
  errorMessage: string | null;
}

export interface StartedSync {
  jobId: string;
  /** Settles when the run ends; never rejects: failures are in the summary. */
  done: Promise<SyncRunSummary>;
}

// Runs of this process, for cancellation. Runs of other processes are seen through the lock.
const running = new Map<string, AbortController>();

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
  const database = db();
  const jobId = randomUUID();
  await acquireSyncLock(database, jobId);
  let run;
  try {
    run = await database.syncHistory.create({
      data: {
        jobId,
        syncType: request.type,
        trigger,
        status: "running",
        startedAt: new Date(),
        heartbeatAt: new Date(),
        phase: "starting",
        requestedIds: request.type === "specific" ? JSON.stringify(request.sceneIds) : null,
      },
    });
    if (request.type === "full") {
      // The design's one row that stands for "all scenes" in every scene's history.
      await database.syncLog.create({
        data: {
          syncHistoryId: run.id,
          entityType: "scene",
          entityId: null,
          syncType: "full",
          createdAt: run.startedAt,
        },
      });
    }
  } catch (error) {
    await releaseSyncLock(database, jobId);
    throw error;
  }
  const controller = new AbortController();
  running.set(jobId, controller);
  const done = execute(run.id, jobId, request, controller.signal, options).finally(async () => {
    running.delete(jobId);
    await releaseSyncLock(database, jobId).catch(() => {});
  });
  return { jobId, done };
}

/** Starts a sync and waits for its end (CLI, scripts, tests). */
export async function runSync(
  request: SyncRequest,
  trigger: SyncTrigger,
  options: SyncOptions = {},
): Promise<SyncRunSummary> {
  return (await startSync(request, trigger, options)).done;
}

/** Asks a run of this process to stop after its current page; false if it is not running here. */
export function cancelSync(jobId: string): boolean {
  const controller = running.get(jobId);
  if (!controller) return false;
  controller.abort();
  return true;
}

async function execute(
  runId: number,
  jobId: string,
  request: SyncRequest,
  signal: AbortSignal,
  options: SyncOptions,
): Promise<SyncRunSummary> {
  const database = db();
  const progress = new ProgressTracker(database, runId, () => beatSyncLock(database, jobId));
  const tally = new Tally();
  let status: SyncStatus;
  let errorMessage: string | null = null;
  let watermarkTo: Watermarks | null = null;
  let watermarkFrom: Watermarks | null = null;
  progress.start();
  try {
    const ctx: RunContext = {
      db: database,
      client: await createClient(options),
      runId,
      jobId,
      syncType: request.type,
      perPage: options.perPage ?? env().STASH_PAGE_SIZE,
      signal,
      progress,
      tally,
      knownRefs: new Map(),
    };
    await ctx.client.checkCompatibility();
    if (request.type === "full") {
      watermarkTo = await runFullSync(ctx);
    } else if (request.type === "incremental") {
      watermarkFrom = await previousWatermarks();
      watermarkTo = await runIncrementalSync(ctx, watermarkFrom);
    } else {
      await runSpecificSync(ctx, request.sceneIds);
    }
    status = tally.failed > 0 ? "completed_with_errors" : "completed";
  } catch (error) {
    if (error instanceof SyncCancelled || signal.aborted) {
      status = "cancelled";
      errorMessage = "Cancelled on request. Work done before that is kept.";
    } else {
      status = "failed";
      errorMessage = isAppError(error) ? error.message : `Unexpected error: ${describe(error)}`;
      logger.error(`Sync ${jobId} failed: ${errorMessage}`);
    }
  } finally {
    progress.stop();
  }
  const completedAt = new Date();
  const counters = {
    itemsSynced: tally.synced,
    itemsCreated: tally.created,
    itemsUpdated: tally.updated,
    itemsSkipped: tally.skipped,
    itemsFailed: tally.failed,
  };
  await database.syncHistory.update({
    where: { id: runId },
    data: {
      status,
      completedAt,
      errorMessage,
      ...counters,
      watermarkFrom: watermarkFrom ? JSON.stringify(watermarkFrom) : null,
      watermarkTo: watermarkTo ? JSON.stringify(watermarkTo) : null,
      phase: "done",
      progressDone: progress.done,
      progressTotal: progress.total,
      heartbeatAt: completedAt,
    },
  });
  if (request.type === "full") {
    const ended = status === "completed" || status === "completed_with_errors";
    await database.syncLog.updateMany({
      where: { syncHistoryId: runId, entityId: null },
      data: {
        hadChanges: tally.hadChanges,
        changeType: ended ? (tally.hadChanges ? "updated" : "skipped") : "failed",
        errorMessage: ended ? null : errorMessage,
      },
    });
  }
  return { jobId, syncType: request.type, status, errorMessage, ...counters };
}

async function createClient(options: SyncOptions): Promise<StashClient> {
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
  });
}

/** Where the last successful full or incremental sync got to, per entity type. */
async function previousWatermarks(): Promise<Watermarks> {
  const last = await db().syncHistory.findFirst({
    where: {
      status: { in: ["completed", "completed_with_errors"] },
      syncType: { in: ["full", "incremental"] },
      watermarkTo: { not: null },
    },
    orderBy: { startedAt: "desc" },
    select: { watermarkTo: true },
  });
  return last?.watermarkTo ? (JSON.parse(last.watermarkTo) as Watermarks) : {};
}

function describe(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}
