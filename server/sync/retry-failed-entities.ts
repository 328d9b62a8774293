import type { SyncTrigger } from "../domain/vocabulary";
import { AppError } from "../errors";
import { readFailedSceneIds } from "./read-sync-runs";
import { startSync, type StartedSync } from "./sync-service";

/** "Retry failed entities": one specific sync of the scenes a run failed. */
export async function retryFailedEntities(
  jobId: string,
  trigger: SyncTrigger,
): Promise<StartedSync> {
  const sceneIds = await readFailedSceneIds(jobId);
  if (sceneIds.length === 0) {
    throw new AppError("BAD_INPUT", `Run ${jobId} has no failed scenes to retry.`);
  }
  return startSync({ type: "specific", sceneIds }, trigger);
}
