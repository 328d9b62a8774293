import { db } from "../db/client";
import { errorText } from "../errors";
import { logger } from "../logger";
import { markRunInterrupted } from "./run-record";
import { acquireSyncLock, keepSyncLockBeating, releaseSyncLock } from "./sync-lock";

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
 * with it; refuses with SYNC_ALREADY_RUNNING while a live holder has it.
 */
export async function withSyncLockHeld<T>(holder: LockTask, work: () => Promise<T>): Promise<T> {
  const database = db();
  const { jobId } = holder;
  const { deadHolderJobId } = await acquireSyncLock(database, jobId, holder.task, holder.advice);
  const stopBeating = keepSyncLockBeating(database, jobId, holder.alsoBeat);
  try {
    if (deadHolderJobId) await markRunInterrupted(database, deadHolderJobId);
    return await work();
  } finally {
    stopBeating();
    await releaseSyncLock(database, jobId).catch((error: unknown) =>
      logger.warn(`Could not release the sync lock of ${jobId}: ${errorText(error)}`),
    );
  }
}
