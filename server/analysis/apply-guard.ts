import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { errorText } from "../errors";
import { logger } from "../logger";
import { withSyncLockHeld } from "../sync/hold-sync-lock";
import { beatPlanApply, claimPlanApply, releasePlanApply } from "./apply-claim";

/** What a sync refused while an apply runs is told holds the lock. */
const applyTask = (planId: number) => `analysis plan #${planId} is being applied to Stash`;

/**
 * Runs `work` as the plan's only apply, holding the sync lock from the first read of Stash to
 * the end of the sync that records the writes (`work` passes its job to that sync as
 * `heldLock`), so neither another apply nor a sync can interleave with it. Refuses with
 * PLAN_APPLYING while another apply writes this plan, SYNC_ALREADY_RUNNING while a sync, an
 * apply of another plan or a restore holds the lock.
 */
export async function withApplyGuard<T>(
  planId: number,
  work: (lockJobId: string) => Promise<T>,
): Promise<T> {
  const database = db();
  const jobId = `apply-${randomUUID()}`;
  await claimPlanApply(database, planId, jobId);
  try {
    return await withSyncLockHeld(
      {
        jobId,
        task: applyTask(planId),
        alsoBeat: () => beatPlanApply(database, planId, jobId),
      },
      () => work(jobId),
    );
  } finally {
    await releasePlanApply(database, planId, jobId).catch((error: unknown) =>
      logger.warn(`Could not end plan ${planId}'s apply claim: ${errorText(error)}`),
    );
  }
}
