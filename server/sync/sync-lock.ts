import type { Db } from "../db/client";
import { sql, toStatement, type Statement } from "../db/sql-dialect";
import { AppError } from "../errors";
import { notifyRunEnded } from "../notifications/notify-run-ended";
import { countLoggedOutcomes } from "./count-logged-outcomes";
import { holderAlive, thisProcess } from "./lock-holder";
import { toSyncRunView } from "./sync-run-view";

/**
 * At most one sync writes at a time, across every process that shares the database (the web
 * server, the CLI, cron). A second request is refused with the running job's id rather than
 * queued: the caller can watch that job, and a queue would outlive the request that made it.
 * A holder whose heartbeat stopped is dead (crash, kill -9) and its lock may be taken over.
 */
export const lockStaleAfterMs = 30_000;
const lockName = "sync";

export async function acquireSyncLock(db: Db, jobId: string): Promise<void> {
  if (await tryInsert(db, jobId)) return;
  const holder = await db.syncLock.findUnique({ where: { name: lockName } });
  if (holder && holderAlive(holder, lockStaleAfterMs)) {
    throw new AppError(
      "SYNC_ALREADY_RUNNING",
      `A sync is already running (job ${holder.jobId}, on ${holder.host || "an unknown host"}).`,
      { jobId: holder.jobId, host: holder.host },
    );
  }
  if (holder) {
    await markRunInterrupted(db, holder.jobId);
    await db.syncLock.deleteMany({ where: { name: lockName, jobId: holder.jobId } });
  }
  if (await tryInsert(db, jobId)) return;
  // Another process won the race for the stale lock.
  const winner = await db.syncLock.findUnique({ where: { name: lockName } });
  throw new AppError("SYNC_ALREADY_RUNNING", "A sync is already running.", {
    jobId: winner?.jobId ?? null,
  });
}

async function tryInsert(db: Db, jobId: string): Promise<boolean> {
  const now = new Date();
  const me = thisProcess();
  const inserted = await db.$executeRaw`
    INSERT INTO "sync_lock" ("name", "job_id", "host", "pid", "process_start", "acquired_at", "heartbeat_at")
    VALUES (${lockName}, ${jobId}, ${me.host}, ${me.pid}, ${me.processStart}, ${now}, ${now})
    ON CONFLICT ("name") DO NOTHING`;
  return inserted === 1;
}

/** The job of the sync running now, in this process or another; null when none is alive. */
export async function runningJobId(db: Db): Promise<string | null> {
  const holder = await db.syncLock.findUnique({ where: { name: lockName } });
  return holder && holderAlive(holder, lockStaleAfterMs) ? holder.jobId : null;
}

/** The heartbeat's statement, written with the run's progress (see progress-tracker.ts). */
export function syncLockBeat(jobId: string, at: Date): Statement {
  return toStatement(
    sql`UPDATE "sync_lock" SET "heartbeat_at" = ${at} WHERE "name" = ${lockName} AND "job_id" = ${jobId}`,
  );
}

export async function releaseSyncLock(db: Db, jobId: string): Promise<void> {
  await db.syncLock.deleteMany({ where: { name: lockName, jobId } });
}

export const interruptedMessage =
  "The process running this sync stopped before it finished (crash, kill or restart). Work written before that point is kept; the next sync catches up.";

/** Marks a run whose process died as interrupted, never leaving it "running". */
export async function markRunInterrupted(db: Db, jobId: string): Promise<void> {
  const run = await db.syncHistory.findUnique({ where: { jobId } });
  if (!run || run.status !== "running") return;
  const { created, updated, skipped, failed } = await countLoggedOutcomes(db, run.id);
  const ended = await db.syncHistory.update({
    where: { id: run.id },
    data: {
      status: "interrupted",
      completedAt: run.heartbeatAt ?? new Date(),
      errorMessage: interruptedMessage,
      phase: "interrupted",
      // Logged rows are what survived; skipped entities of a full sync are not logged.
      itemsCreated: created,
      itemsUpdated: updated,
      itemsSkipped: run.syncType === "full" ? run.itemsSkipped : skipped,
      itemsFailed: failed,
      itemsSynced:
        created + updated + failed + (run.syncType === "full" ? run.itemsSkipped : skipped),
    },
  });
  await db.syncLog.updateMany({
    where: { syncHistoryId: run.id, entityId: null },
    data: {
      changeType: "failed",
      hadChanges: created + updated > 0,
      errorMessage: interruptedMessage,
    },
  });
  await notifyRunEnded(toSyncRunView(ended));
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
    await db.syncLock.deleteMany({ where: { name: lockName, jobId } });
  }
  return dead;
}
