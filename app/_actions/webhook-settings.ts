"use server";

import { WebhookSettingsInput, type WebhookView } from "@/server/notifications/notification-schema";
import { saveWebhookSettings } from "@/server/notifications/webhook-settings";
import { runAction, type ActionResult } from "./run-action";

/** Settings' "Set webhook" and "Remove webhook" (an empty URL). */
export async function saveWebhookAction(
  input: WebhookSettingsInput,
): Promise<ActionResult<WebhookView>> {
  return runAction(() => saveWebhookSettings(WebhookSettingsInput.parse(input)));
}
