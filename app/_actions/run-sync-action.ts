import "server-only";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "./run-action";

/**
 * Runs a sync action (start, retry, cancel) and re-renders every page, whatever it answered:
 * a refused or at-once failed start records a run and a notification too.
 */
export async function runSyncAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  const result = await runAction(work);
  revalidatePath("/", "layout");
  return result;
}
