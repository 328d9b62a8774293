import { deleteSetting, readSettings, writeSetting } from "../settings/setting-store";
import {
  WebhookDelivery,
  WebhookSettingsInput,
  type WebhookView,
  type WebhookDelivery as Delivery,
} from "./notification-schema";

export const webhookSettingKeys = {
  url: "notifications.webhook_url",
  /** JSON WebhookDelivery of the last event sent. */
  lastDelivery: "notifications.webhook_last_delivery",
} as const;

/** The saved URL, for the sender only: never returned to a client or written to a log. */
export async function readWebhookUrl(): Promise<string | null> {
  return (await readSettings([webhookSettingKeys.url])).get(webhookSettingKeys.url)?.value ?? null;
}

export async function readWebhookView(): Promise<WebhookView> {
  const saved = await readSettings(Object.values(webhookSettingKeys));
  const url = saved.get(webhookSettingKeys.url)?.value ?? null;
  return {
    configured: url !== null,
    host: url ? hostOf(url) : null,
    lastDelivery: parseDelivery(saved.get(webhookSettingKeys.lastDelivery)?.value),
  };
}

export async function saveWebhookSettings(input: WebhookSettingsInput): Promise<WebhookView> {
  const { url } = WebhookSettingsInput.parse(input);
  if (url === "") {
    await deleteSetting(webhookSettingKeys.url);
    await deleteSetting(webhookSettingKeys.lastDelivery);
  } else {
    await writeSetting(webhookSettingKeys.url, url);
  }
  return readWebhookView();
}

export async function saveWebhookDelivery(delivery: Delivery): Promise<void> {
  await writeSetting(webhookSettingKeys.lastDelivery, JSON.stringify(delivery));
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function parseDelivery(text: string | undefined): Delivery | null {
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    const parsed = WebhookDelivery.safeParse({ ...raw, at: new Date(String(raw.at)) });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
