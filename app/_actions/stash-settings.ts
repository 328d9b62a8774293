"use server";

import type {
  StashConnectionStatus,
  StashSettingsView,
} from "@/server/connection/stash-connection-schema";
import { saveStashSettings, testStashSettings } from "@/server/connection/stash-settings";
import { runAction, type ActionResult } from "./run-action";

/** The form's fields: an empty key field keeps the saved key; "remove" clears it. */
function readForm(form: FormData) {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.trim() : "";
  };
  const apiKey = form.get("removeApiKey") === "on" ? "" : text("apiKey") || undefined;
  return { url: text("url"), apiKey };
}

export async function saveStashSettingsAction(
  _previous: ActionResult<StashSettingsView> | null,
  form: FormData,
): Promise<ActionResult<StashSettingsView>> {
  return runAction(() => saveStashSettings(readForm(form)));
}

/** "Test connection" with what the form holds, saved or not. */
export async function testStashConnectionAction(
  _previous: ActionResult<StashConnectionStatus> | null,
  form: FormData,
): Promise<ActionResult<StashConnectionStatus>> {
  return runAction(() => testStashSettings(readForm(form)));
}
