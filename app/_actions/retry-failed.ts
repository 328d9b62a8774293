"use server";

import { JobId } from "@/server/domain/vocabulary";
import { retryFailedEntities } from "@/server/sync/retry-failed-entities";
import type { ActionResult } from "./run-action";
import { runSyncAction } from "./run-sync-action";

/** "Retry failed entities": one specific sync of the scenes that run failed. */
export async function retryFailedAction(jobId: string): Promise<ActionResult<{ jobId: string }>> {
  return runSyncAction(async () => {
    const { jobId: retryJobId } = await retryFailedEntities(JobId.parse(jobId), "ui");
    return { jobId: retryJobId };
  });
}
