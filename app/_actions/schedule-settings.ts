"use server";

import { revalidatePath } from "next/cache";
import { ScheduleSettingsInput, type ScheduleView } from "@/server/schedule/schedule-schema";
import { saveScheduleSettings } from "@/server/schedule/schedule-settings";
import { runAction, type ActionResult } from "./run-action";

/** Settings' "Apply schedule"; the dashboard's next scheduled run follows. */
export async function saveScheduleAction(
  input: ScheduleSettingsInput,
): Promise<ActionResult<ScheduleView>> {
  const result = await runAction(() => saveScheduleSettings(ScheduleSettingsInput.parse(input)));
  if (result.ok) revalidatePath("/");
  return result;
}
