"use server";

import { JobId } from "@/server/domain/vocabulary";
import { cancelSync } from "@/server/sync/sync-service";
import type { ActionResult } from "./run-action";
import { runSyncAction } from "./run-sync-action";

/**
 * Asks the running job to stop after its current page, whichever process runs it; false when
 * it is not running.
 */
export async function cancelSyncAction(
  jobId: string,
): Promise<ActionResult<{ cancelled: boolean }>> {
  return runSyncAction(async () => ({ cancelled: await cancelSync(JobId.parse(jobId)) }));
}
