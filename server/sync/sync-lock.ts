import type { Db } from "../db/client";
import { databaseNow, measureDatabaseClock } from "../db/database-clock";
import { sql, toStatement, type Statement } from "../db/sql-dialect";
import { env } from "../env";
import { AppError } from "../errors";
import { holderAlive, thisProcess } from "./lock-holder";

/**
 * At most one sync writes at a time, across every process that shares the database (the web
 * server, the CLI, cron), on one machine or several. A second request is refused with the
 * running job's id rather than queued: the caller can watch that job, and a queue would
 * outlive the request that made it. A holder whose heartbeat stopped is dead (crash, kill -9,
 * a machine gone) and its lock may be taken over (docs/decisions.md: a lease, not an advisory
 * lock). Heartbeats are written and judged by the database's clock, which every machine shares.
 */
const lockStaleAfterMs = () => env().STASH_SYNC_LOCK_STALE_SECONDS * 1000;
const lockName = "sync";

/**
 * Takes the lock for `jobId`, or refuses with SYNC_ALREADY_RUNNING. Taking over a dead
 * holder's lock returns that holder's job, for the caller to end as interrupted. `task` names
 * a holder that is not a sync run, for whoever is refused meanwhile; `advice`, what the caller
 * should do when refused, beyond waiting for the holder.
 */
export async function acquireSyncLock(
  db: Db,
  jobId: string,
  task: string | null = null,
  advice?: string,
): Promise<{ deadHolderJobId: string | null }> {
  const now = (await measureDatabaseClock(db)).getTime();
  if (await tryInsert(db, jobId, task)) return { deadHolderJobId: null };
  const holder = await db.syncLock.findUnique({ where: { name: lockName } });
  if (holder && holderAlive(holder, lockStaleAfterMs(), now)) throw alreadyRunning(holder, advice);
  if (holder) await releaseSyncLock(db, holder.jobId);
  if (await tryInsert(db, jobId, task)) return { deadHolderJobId: holder?.jobId ?? null };
  // Another process won the race for the stale lock.
  const winner = await db.syncLock.findUnique({ where: { name: lockName } });
  throw alreadyRunning(winner, advice);
}

type Holder = { jobId: string; host: string; task: string | null };

/** `advice`: what the refused caller should do, when more than waiting for the holder. */
function alreadyRunning(holder: Holder | null, advice?: string): AppError {
  const host = holder?.host ?? "";
  const on = host || "an unknown host";
  // A task's job is no sync run: there is no run page to point to.
  if (holder?.task) {
    return new AppError(
      "SYNC_ALREADY_RUNNING",
      `stash-sync is busy: ${holder.task} (on ${on}). ${advice ?? "Try again once that has finished."}`,
      { jobId: null, host, task: holder.task },
    );
  }
  const where = holder ? ` (job ${holder.jobId}, on ${on})` : "";
  const then = advice ? ` ${advice}` : "";
  return new AppError("SYNC_ALREADY_RUNNING", `A sync is already running${where}.${then}`, {
    jobId: holder?.jobId ?? null,
    host,
  });
}

async function tryInsert(db: Db, jobId: string, task: string | null): Promise<boolean> {
  const now = databaseNow();
  const me = thisProcess();
  const inserted = await db.$executeRaw`
    INSERT INTO "sync_lock" ("name", "job_id", "host", "pid", "process_start", "acquired_at", "heartbeat_at", "task")
    VALUES (${lockName}, ${jobId}, ${me.host}, ${me.pid}, ${me.processStart}, ${now}, ${now}, ${task})
    ON CONFLICT ("name") DO NOTHING`;
  return inserted === 1;
}

/**
 * Passes the lock `from` one job `to` another of the same task (an apply or a restore to the
 * sync that records its writes, and back), so no other sync can start between them. Refuses with
 * SYNC_ALREADY_RUNNING when `from` no longer holds it.
 */
export async function handOverSyncLock(db: Db, from: string, to: string): Promise<void> {
  const { count } = await db.syncLock.updateMany({
    where: { name: lockName, jobId: from },
    data: { jobId: to, heartbeatAt: databaseNow() },
  });
  if (count === 0) {
    throw alreadyRunning(await db.syncLock.findUnique({ where: { name: lockName } }));
  }
}

async function beatSyncLock(db: Db, jobId: string): Promise<void> {
  await db.syncLock.updateMany({
    where: { name: lockName, jobId },
    data: { heartbeatAt: databaseNow() },
  });
}

/**
 * Beats `jobId`'s lock (and `alsoBeat`) every second until the returned function is called: for
 * a holder waiting on Stash with no progress to write, whose lock must not look dead meanwhile.
 * A timer, so it beats even while one slow request is in flight.
 */
export function keepSyncLockBeating(
  db: Db,
  jobId: string,
  alsoBeat?: () => Promise<unknown>,
): () => void {
  const beat = setInterval(() => {
    void Promise.all([beatSyncLock(db, jobId), alsoBeat?.()]).catch(() => {});
  }, 1000);
  beat.unref();
  return () => clearInterval(beat);
}

/** The job of the sync running now, in this process or another; null when none is alive. */
export async function runningJobId(db: Db): Promise<string | null> {
  return (await liveHolder(db))?.jobId ?? null;
}

/** The lock's holder, when it is alive. */
async function liveHolder(db: Db) {
  const holder = await db.syncLock.findUnique({ where: { name: lockName } });
  if (!holder) return null;
  return holderAlive(holder, lockStaleAfterMs(), (await measureDatabaseClock(db)).getTime())
    ? holder
    : null;
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
