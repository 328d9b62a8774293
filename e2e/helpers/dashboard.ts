import { expect, type Page } from "@playwright/test";

/** The dashboard's "Last runs" entry of one sync type ("Full sync", "Incremental sync"…). */
export const lastRun = (page: Page, type: string) =>
  page
    .getByRole("list", { name: "Newest run of each sync type" })
    .getByRole("listitem")
    .filter({ hasText: type });

/** What the dashboard says about the last sync it was asked to start. */
export const syncStatus = (page: Page) => page.getByRole("status", { name: "Sync status" });

/** A mark that a reload or a full navigation would wipe: the page was updated in place. */
export async function markPage(page: Page) {
  await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));
}

export async function expectNotReloaded(page: Page) {
  expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
}

/**
 * Presses "Full sync" on the dashboard for a Stash that refuses at once, then checks that every
 * card agrees, without a reload: the words and a link to the failed run under the buttons, the
 * run under Last runs, the failure under Recent failures, and one unread notification.
 */
export async function expectFullSyncFailsAtOnce(page: Page, why: string | RegExp) {
  await markPage(page);
  await page.getByRole("button", { name: "Full sync" }).click();
  await expect(syncStatus(page)).toContainText(why, { timeout: 30_000 });
  await expect(syncStatus(page).getByRole("link", { name: "See the failed run" })).toBeVisible();
  await expect(page.getByRole("link", { name: "See the running sync" })).toHaveCount(0);
  await expect(page.getByText("No sync is running.")).toBeVisible();
  await expect(lastRun(page, "Full sync")).toContainText("Failed");
  await expect(page.getByText("No failures. Every entity synced.")).toHaveCount(0);
  const newestFailure = page
    .getByRole("list", { name: "Recent failures, newest first" })
    .getByRole("listitem")
    .first();
  await expect(newestFailure).toContainText("All scenes (the whole run)");
  await expect(newestFailure).toContainText(why);
  await expect(page.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();
  await expectNotReloaded(page);
}

/** Saves Stash's address (and key: none clears a saved one) in Settings. */
export async function saveStashConnection(page: Page, url: string, apiKey = "") {
  await page.goto("/settings");
  await page.getByLabel("Stash GraphQL address").fill(url);
  await page.getByLabel("API key").fill(apiKey);
  const removeKey = page.getByLabel("Remove the saved key");
  if (!apiKey && (await removeKey.count()) > 0) await removeKey.check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
}

/** Client-side navigation through the header, as a person clicks it (no reload). */
export async function openFromNav(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
}
