import { rememberSecret } from "../auth/redact-secrets";
import { AppError } from "../errors";
import { deleteSetting, readSettings, writeSetting } from "../settings/setting-store";
import { resolveWebhookHost, WebhookAddressError } from "./webhook-address";
import {
  WebhookDelivery,
  WebhookSettingsInput,
  type WebhookView,
  type WebhookDelivery as Delivery,
} from "./notification-schema";

export const webhookSettingKeys = {
  url: "notifications.webhook_url",
  /** The addresses the URL's host resolved to when it was saved, for Settings to show. */
  address: "notifications.webhook_address",
  /** JSON WebhookDelivery of the last event sent. */
  lastDelivery: "notifications.webhook_last_delivery",
} as const;

/** The saved URL, for the sender only: never returned to a client or written to a log. */
export async function readWebhookUrl(): Promise<string | null> {
  const url = (await readSettings([webhookSettingKeys.url])).get(webhookSettingKeys.url)?.value;
  rememberUrlSecrets(url);
  return url ?? null;
}

export async function readWebhookView(): Promise<WebhookView> {
  const saved = await readSettings(Object.values(webhookSettingKeys));
  const url = saved.get(webhookSettingKeys.url)?.value ?? null;
  rememberUrlSecrets(url);
  return {
    configured: url !== null,
    host: url ? hostOf(url) : null,
    address: saved.get(webhookSettingKeys.address)?.value ?? null,
    lastDelivery: parseDelivery(saved.get(webhookSettingKeys.lastDelivery)?.value),
  };
}

/**
 * Saves the webhook once its host resolves to allowed addresses only (webhook-address.ts);
 * each delivery checks again, since DNS answers change.
 */
export async function saveWebhookSettings(input: WebhookSettingsInput): Promise<WebhookView> {
  const { url } = WebhookSettingsInput.parse(input);
  if (url === "") {
    for (const key of Object.values(webhookSettingKeys)) await deleteSetting(key);
    return readWebhookView();
  }
  rememberUrlSecrets(url);
  const addresses = await resolveWebhookHost(new URL(url).hostname).catch((error: unknown) => {
    if (!(error instanceof WebhookAddressError)) throw error;
    throw new AppError("BAD_INPUT", `Webhook not saved: ${error.message}.`, { field: "url" });
  });
  await writeSetting(webhookSettingKeys.url, url);
  await writeSetting(webhookSettingKeys.address, addresses.map((a) => a.address).join(", "));
  return readWebhookView();
}

export async function saveWebhookDelivery(delivery: Delivery): Promise<void> {
  await writeSetting(webhookSettingKeys.lastDelivery, JSON.stringify(delivery));
}

// A password in the URL is a secret like any other: log lines must never carry it.
function rememberUrlSecrets(url: string | null | undefined): void {
  if (!url) return;
  try {
    rememberSecret(decodeURIComponent(new URL(url).password));
  } catch {
    // Not a URL: nothing to remember.
  }
}

/** Host and port only: never the user name or password a URL may carry. */
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
