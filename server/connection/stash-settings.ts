import { readStashConnection, saveStashConnection } from "../settings/stash-connection";
import {
  StashSettingsInput,
  type StashConnectionStatus,
  type StashSettingsView,
} from "./stash-connection-schema";
import { checkStashConnection } from "./check-stash-connection";

/** The Stash connection for the Settings page: where it comes from, and whether a key is set. */
export async function readStashSettingsView(): Promise<StashSettingsView> {
  const connection = await readStashConnection();
  return {
    url: connection.url,
    urlSource: connection.urlSource,
    hasApiKey: connection.apiKey !== null,
    apiKeySource: connection.apiKeySource,
  };
}

/**
 * Saves what a person entered; environment variables still win where they are set. The saved
 * key belongs to the saved address: a new address without a key typed with it removes the key,
 * or anyone able to change the address could have the next sync send the key to theirs.
 */
export async function saveStashSettings(input: StashSettingsInput): Promise<StashSettingsView> {
  const { url, apiKey } = StashSettingsInput.parse(input);
  const saved = await readStashConnection();
  const moved =
    saved.urlSource === "settings" && saved.url !== null && !sameStashUrl(saved.url, url);
  await saveStashConnection({ url, apiKey: apiKey ?? (moved ? "" : undefined) });
  return readStashSettingsView();
}

/**
 * "Test connection" with what the form holds, before saving. The saved key (or the
 * environment's) goes only to the saved address; another address is tested with the key typed
 * in the same request, or without one, and its failures are not told apart (see CheckOptions).
 */
export async function testStashSettings(input: StashSettingsInput): Promise<StashConnectionStatus> {
  const { url, apiKey } = StashSettingsInput.parse(input);
  const saved = await readStashConnection();
  const isSaved = saved.url !== null && sameStashUrl(saved.url, url);
  const key = apiKey !== undefined ? apiKey || null : isSaved ? saved.apiKey : null;
  return checkStashConnection({ url, apiKey: key }, { explainFailures: isSaved });
}

/** The same endpoint however it was spelled (case of the host, default port, trailing dot). */
function sameStashUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}
