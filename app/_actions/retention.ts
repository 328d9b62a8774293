"use server";

import { revalidatePath } from "next/cache";
import {
  RetentionSettings,
  type RetentionReport,
  type RetentionSettingsInput,
  type RetentionView,
} from "@/server/retention/retention-schema";
import { saveRetentionSettings } from "@/server/retention/retention-settings";
import { runRetentionAndRecord } from "@/server/retention/run-retention";
import { runAction, type ActionResult } from "./run-action";

/** Settings' "Apply retention". */
export async function saveRetentionAction(
  input: RetentionSettingsInput,
): Promise<ActionResult<RetentionView>> {
  return runAction(() => saveRetentionSettings(RetentionSettings.parse(input)));
}

/** "Run cleanup now": answers when it is done; pages that list runs and History re-render. */
export async function runRetentionAction(): Promise<ActionResult<RetentionReport>> {
  const result = await runAction(() => runRetentionAndRecord());
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
