import { db } from "../db/client";
import { errorText } from "../errors";
import { logger } from "../logger";
import { markRunInterrupted } from "./run-record";
import { acquireSyncLock, beatSyncLock, releaseSyncLock } from "./sync-lock";

const BEAT_MS = 1000;

/** What work that holds the sync lock without being a sync run says of itself. */
export interface LockTask {
  /** The holder's job id (a sync `work` starts takes the lock over from it as `heldLock`). */
  jobId: string;
  /** What a sync refused meanwhile is told holds the lock. */
  task: string;
  /** What this caller is told to do when it is refused, beyond waiting for the holder. */
  advice?: string;
  /** Beats beside the lock's heartbeat (an apply's claim on its plan). */
  alsoBeat?: () => Promise<unknown>;
}

/**
 * Runs `work` holding the sync lock, so that no sync and no other such work can interleave
 * with it; refuses with SYNC_ALREADY_RUNNING while a live holder has it. The heartbeat is a
 * timer, so it beats even while one slow Stash request is in flight.
 */
export async function withSyncLockHeld<T>(holder: LockTask, work: () => Promise<T>): Promise<T> {
  const database = db();
  const { jobId } = holder;
  const { deadHolderJobId } = await acquireSyncLock(database, jobId, holder.task, holder.advice);
  const beat = setInterval(() => {
    void Promise.all([beatSyncLock(database, jobId), holder.alsoBeat?.()]).catch(() => {});
  }, BEAT_MS);
  beat.unref();
  try {
    if (deadHolderJobId) await markRunInterrupted(database, deadHolderJobId);
    return await work();
  } finally {
    clearInterval(beat);
    await releaseSyncLock(database, jobId).catch((error: unknown) =>
      logger.warn(`Could not release the sync lock of ${jobId}: ${errorText(error)}`),
    );
  }
}
