/**
 * A run's record in sync_history, from opening to its one end: every way a run ends
 * (finished, failed, cancelled, interrupted) goes through endRun, which writes the end state,
 * settles the full sync's NULL-entity row and announces the end.
 */
import type { Db } from "../db/client";
import type { SyncStatus, SyncTrigger, SyncType } from "../domain/vocabulary";
import { countLoggedOutcomes } from "./count-logged-outcomes";
import { announceRunEnded } from "./run-ended-listeners";
import type { SyncRequest } from "./sync-request";
import { releaseSyncLock, runningJobId } from "./sync-lock";
import { toSyncRunView, type SyncRunSummary } from "./sync-run-view";

export interface OpenRun {
  id: number;
  jobId: string;
  syncType: SyncType;
}

/** Records a run as running, with the full sync's NULL-entity row, in one transaction. */
export async function openRun(
  db: Db,
  jobId: string,
  request: SyncRequest,
  trigger: SyncTrigger,
): Promise<OpenRun> {
  const startedAt = new Date();
  return db.$transaction(async (tx) => {
    const run = await tx.syncHistory.create({
      data: {
        jobId,
        syncType: request.type,
        trigger,
        status: "running",
        startedAt,
        heartbeatAt: startedAt,
        phase: "starting",
        requestedIds: request.type === "specific" ? JSON.stringify(request.sceneIds) : null,
      },
    });
    if (request.type === "full") {
      // The design's one row that stands for "all scenes" in every scene's history.
      await tx.syncLog.create({
        data: {
          syncHistoryId: run.id,
          entityType: "scene",
          entityId: null,
          syncType: "full",
          createdAt: startedAt,
        },
      });
    }
    return { id: run.id, jobId, syncType: request.type };
  });
}

export interface RunEnd {
  status: Exclude<SyncStatus, "running">;
  errorMessage: string | null;
  counts: { created: number; updated: number; skipped: number; failed: number };
  watermarkFrom?: object;
  watermarkTo?: object;
  /** Where the run's progress stood; left as it was when not given. */
  progress?: { done: number; total: number };
  /** Default now; an interrupted run ended at its last heartbeat. */
  completedAt?: Date;
}

/** Writes how a run ended, settles its NULL-entity row, and announces the end. */
export async function endRun(db: Db, run: OpenRun, end: RunEnd): Promise<SyncRunSummary> {
  const completedAt = end.completedAt ?? new Date();
  const { created, updated, skipped, failed } = end.counts;
  const hadChanges = created + updated > 0;
  const ended = await db.syncHistory.update({
    where: { id: run.id },
    data: {
      status: end.status,
      completedAt,
      errorMessage: end.errorMessage,
      itemsSynced: created + updated + skipped + failed,
      itemsCreated: created,
      itemsUpdated: updated,
      itemsSkipped: skipped,
      itemsFailed: failed,
      watermarkFrom: end.watermarkFrom ? JSON.stringify(end.watermarkFrom) : null,
      watermarkTo: end.watermarkTo ? JSON.stringify(end.watermarkTo) : null,
      phase: end.status === "interrupted" ? "interrupted" : "done",
      ...(end.progress
        ? { progressDone: end.progress.done, progressTotal: end.progress.total }
        : {}),
      heartbeatAt: completedAt,
    },
  });
  if (run.syncType === "full") {
    const finished = end.status === "completed" || end.status === "completed_with_errors";
    await db.syncLog.updateMany({
      where: { syncHistoryId: run.id, entityId: null },
      data: {
        hadChanges,
        changeType: finished ? (hadChanges ? "updated" : "skipped") : "failed",
        errorMessage: finished ? null : end.errorMessage,
      },
    });
  }
  const summary = toSyncRunView(ended);
  await announceRunEnded(summary);
  return summary;
}

export const interruptedMessage =
  "The process running this sync stopped before it finished (crash, kill or restart). Work written before that point is kept; the next sync catches up.";

/** Ends a run whose process died as interrupted, never leaving it "running". */
export async function markRunInterrupted(db: Db, jobId: string): Promise<void> {
  const run = await db.syncHistory.findUnique({ where: { jobId } });
  if (!run || run.status !== "running") return;
  const logged = await countLoggedOutcomes(db, run.id);
  await endRun(
    db,
    { id: run.id, jobId, syncType: run.syncType as SyncType },
    {
      status: "interrupted",
      errorMessage: interruptedMessage,
      // Logged rows are what survived; skipped entities of a full sync are not logged.
      counts: { ...logged, skipped: run.syncType === "full" ? run.itemsSkipped : logged.skipped },
      completedAt: run.heartbeatAt ?? new Date(),
    },
  );
}

/**
 * On start: every run still marked running whose lock is gone or stale belongs to a process
 * that died. Returns the job ids marked interrupted.
 */
export async function recoverInterruptedRuns(db: Db): Promise<string[]> {
  const running = await db.syncHistory.findMany({
    where: { status: "running" },
    select: { jobId: true },
  });
  const alive = await runningJobId(db);
  const dead = running.map((r) => r.jobId).filter((id) => id !== alive);
  for (const jobId of dead) {
    await markRunInterrupted(db, jobId);
    await releaseSyncLock(db, jobId);
  }
  return dead;
}

export async function readRunSummary(db: Db, jobId: string): Promise<SyncRunSummary> {
  return toSyncRunView(await db.syncHistory.findUniqueOrThrow({ where: { jobId } }));
}
