"use server";

import { z } from "zod";
import { cancelSync } from "@/server/sync/sync-service";
import { runAction, type ActionResult } from "./run-action";

const JobId = z.string().trim().min(1).max(100);

/** Asks the running job to stop after its current page; false when it is not running here. */
export async function cancelSyncAction(
  jobId: string,
): Promise<ActionResult<{ cancelled: boolean }>> {
  return runAction(async () => ({ cancelled: cancelSync(JobId.parse(jobId)) }));
}
