import { db } from "../db/client";
import { rememberSecret } from "../auth/redact-secrets";
import { env } from "../env";

/**
 * Where Stash is and how to authenticate. Environment variables win over what a person saved
 * in Settings (as in Sonarr/Radarr-style self-hosted apps, the container's config is the
 * authority). The API key never leaves the server: readers for the UI get `hasApiKey` only.
 */
export interface StashConnection {
  url: string | null;
  apiKey: string | null;
  urlSource: "environment" | "settings" | "unset";
  apiKeySource: "environment" | "settings" | "unset";
}

export const settingKeys = { stashUrl: "stash.url", stashApiKey: "stash.api_key" } as const;

export async function readStashConnection(): Promise<StashConnection> {
  const saved = await db().setting.findMany({
    where: { key: { in: [settingKeys.stashUrl, settingKeys.stashApiKey] } },
  });
  const get = (key: string) => saved.find((s) => s.key === key)?.value || null;
  const { STASH_URL, STASH_API_KEY } = env();
  const savedUrl = get(settingKeys.stashUrl);
  const savedKey = get(settingKeys.stashApiKey);
  rememberSecret(savedKey);
  return {
    url: STASH_URL ?? savedUrl,
    apiKey: STASH_API_KEY ?? savedKey,
    urlSource: STASH_URL ? "environment" : savedUrl ? "settings" : "unset",
    apiKeySource: STASH_API_KEY ? "environment" : savedKey ? "settings" : "unset",
  };
}

/** Saves the URL and, when given, the key; an empty key string clears the saved key. */
export async function saveStashConnection(input: { url: string; apiKey?: string }): Promise<void> {
  const upsert = (key: string, value: string) =>
    db().setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  await upsert(settingKeys.stashUrl, input.url);
  if (input.apiKey !== undefined) await upsert(settingKeys.stashApiKey, input.apiKey);
}
