"use server";

import type { WatchView } from "@/server/watch/watch-schema";
import { saveWatchSettings } from "@/server/watch/watch-settings";
import { runAction, type ActionResult } from "./run-action";

/** Saves watch mode: on or off, and how often it asks Stash (15–600 s). */
export async function saveWatchSettingsAction(
  _previous: ActionResult<WatchView> | null,
  form: FormData,
): Promise<ActionResult<WatchView>> {
  return runAction(() =>
    saveWatchSettings({
      enabled: form.get("enabled") === "on",
      intervalSeconds: Number(form.get("intervalSeconds")),
    }),
  );
}
