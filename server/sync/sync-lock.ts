import type { Db } from "../db/client";
import { sql, toStatement, type Statement } from "../db/sql-dialect";
import { AppError } from "../errors";
import { holderAlive, thisProcess } from "./lock-holder";

/**
 * At most one sync writes at a time, across every process that shares the database (the web
 * server, the CLI, cron). A second request is refused with the running job's id rather than
 * queued: the caller can watch that job, and a queue would outlive the request that made it.
 * A holder whose heartbeat stopped is dead (crash, kill -9) and its lock may be taken over.
 */
export const lockStaleAfterMs = 30_000;
const lockName = "sync";

/**
 * Takes the lock for `jobId`, or refuses with SYNC_ALREADY_RUNNING. Taking over a dead
 * holder's lock returns that holder's job, for the caller to end as interrupted.
 */
export async function acquireSyncLock(
  db: Db,
  jobId: string,
): Promise<{ deadHolderJobId: string | null }> {
  if (await tryInsert(db, jobId)) return { deadHolderJobId: null };
  const holder = await db.syncLock.findUnique({ where: { name: lockName } });
  if (holder && holderAlive(holder, lockStaleAfterMs)) {
    throw new AppError(
      "SYNC_ALREADY_RUNNING",
      `A sync is already running (job ${holder.jobId}, on ${holder.host || "an unknown host"}).`,
      { jobId: holder.jobId, host: holder.host },
    );
  }
  if (holder) await releaseSyncLock(db, holder.jobId);
  if (await tryInsert(db, jobId)) return { deadHolderJobId: holder?.jobId ?? null };
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
