import { z } from "zod";
import { readSettings, writeSetting } from "../settings/setting-store";

/**
 * How many page requests a sync keeps in flight at once. Stash resolves files, performers and
 * tags for every scene, so a page from a NAS can take seconds: asking for a few at once hides
 * that wait. 1 asks for one page at a time, for a Stash that struggles under load.
 */
export const PageConcurrency = z
  .number()
  .int()
  .min(1, "must be at least 1")
  .max(8, "must be at most 8 (more only loads Stash without syncing faster)");

export const defaultPageConcurrency = 3;

export const pageConcurrencySettingKey = "sync.page_concurrency";

export async function readPageConcurrency(): Promise<number> {
  const saved = await readSettings([pageConcurrencySettingKey]);
  const parsed = PageConcurrency.safeParse(Number(saved.get(pageConcurrencySettingKey)?.value));
  // Never saved, or a hand-edited value out of range: the default, never a failed sync.
  return parsed.success ? parsed.data : defaultPageConcurrency;
}

export async function savePageConcurrency(value: number): Promise<number> {
  const checked = PageConcurrency.parse(value);
  await writeSetting(pageConcurrencySettingKey, String(checked));
  return checked;
}
