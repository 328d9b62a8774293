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

/** Saves what a person entered; environment variables still win where they are set. */
export async function saveStashSettings(input: StashSettingsInput): Promise<StashSettingsView> {
  const { url, apiKey } = StashSettingsInput.parse(input);
  await saveStashConnection({ url, apiKey });
  return readStashSettingsView();
}

/**
 * "Test connection" with what the form holds, before saving: an empty key field means the key
 * already saved (or set in the environment).
 */
export async function testStashSettings(input: StashSettingsInput): Promise<StashConnectionStatus> {
  const { url, apiKey } = StashSettingsInput.parse(input);
  const saved = await readStashConnection();
  return checkStashConnection({ url, apiKey: apiKey ? apiKey : saved.apiKey });
}
