"use server";

import { headers } from "next/headers";
import { authorizeRequest } from "@/server/auth/authorize-request";
import { restoreSceneEntry } from "@/server/restore/restore-scene-entry";
import type { RestoreInput, RestoreResult } from "@/server/restore/restore-schema";
import type { ActionResult } from "./run-action";
import { runSyncAction } from "./run-sync-action";

/**
 * "Restore" on the History tab: the same restore as the API's, recorded as asked for by the
 * signed-in session (or open access). A conflict answers RESTORE_CONFLICT with the values to
 * show; confirming sends them back as `expected`. Its sync re-renders pages as a sync action's.
 */
export async function restoreSceneEntryAction(
  input: RestoreInput,
): Promise<ActionResult<RestoreResult>> {
  return runSyncAction(async () => {
    const { credential } = authorizeRequest(await headers());
    return restoreSceneEntry(input, { credential, door: "page" });
  });
}
