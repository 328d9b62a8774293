"use server";

import { revalidatePath } from "next/cache";
import { WatchSettingsInput, type WatchView } from "@/server/watch/watch-schema";
import { saveWatchSettings } from "@/server/watch/watch-settings";
import { runAction, type ActionResult } from "./run-action";

/** Settings' watch mode (on or off, 15–600 s); the dashboard's watch line follows. */
export async function saveWatchSettingsAction(
  input: WatchSettingsInput,
): Promise<ActionResult<WatchView>> {
  const result = await runAction(() => saveWatchSettings(WatchSettingsInput.parse(input)));
  if (result.ok) revalidatePath("/");
  return result;
}
