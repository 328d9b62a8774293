"use server";

import { startSync } from "@/server/sync/sync-service";
import { SyncRequest } from "@/server/sync/sync-request";
import type { ActionResult } from "./run-action";
import { runSyncAction } from "./run-sync-action";

/**
 * Starts a sync from the browser: full, incremental, or specific scenes ("Sync this scene",
 * "Sync selected", "Retry failed entities"). Answers as soon as the run is recorded; the page
 * then follows its progress through the run's status query.
 */
export async function startSyncAction(
  request: SyncRequest,
): Promise<ActionResult<{ jobId: string }>> {
  return runSyncAction(async () => {
    const { jobId } = await startSync(SyncRequest.parse(request), "ui");
    return { jobId };
  });
}
