import { expect, test } from "@playwright/test";
import { startStashSim, type StashSim } from "../stash-sim";
import {
  expectFullSyncFailsAtOnce,
  expectNotReloaded,
  lastRun,
  markPage,
  openFromNav,
  saveStashConnection,
  syncStatus,
} from "./helpers/dashboard";
import { expectNoSeriousA11yViolations } from "./helpers/expect-accessible";
import { screenshot } from "./helpers/screenshot";

// Issue 24: a new user with a typo in Stash's address presses "Full sync". Every card must agree
// with what happened at once, without a reload; then they fix the address and the sync works.
// Runs on its own server and database (playwright.config.ts): the library starts empty.
test.describe.configure({ mode: "serial" });

let sim: StashSim;

test.beforeAll(async () => {
  sim = await startStashSim({ scenes: 25, seed: 24 });
});

test.afterAll(async () => {
  await sim?.close();
});

/** Nothing listens on port 1: connections are refused at once. */
const WRONG_ADDRESS = "http://127.0.0.1:1/graphql";

test("a new user with a wrong Stash address sees the failure everywhere, fixes it and syncs", async ({
  page,
}) => {
  test.setTimeout(120_000);

  await test.step("an empty library, and an address with a typo saved in Settings", async () => {
    await saveStashConnection(page, WRONG_ADDRESS);
    await openFromNav(page, "Dashboard");
    await expect(page.getByText("Your library is empty")).toBeVisible();
    await expect(lastRun(page, "Full sync")).toContainText("Never run.");
    await expect(page.getByText("No failures. Every entity synced.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
    await expect(page.getByText(/^Not connected/)).toBeVisible();
  });

  await test.step("Full sync fails at once, and every card says so without a reload", async () => {
    await expectFullSyncFailsAtOnce(page, `Cannot reach Stash at ${WRONG_ADDRESS}`);
    await expect(syncStatus(page)).toContainText("(gave up after 4 attempts)");
    await expect(lastRun(page, "Full sync")).not.toContainText("Never run.");
    await screenshot(page, "first-run-1-wrong-address");
    await expectNoSeriousA11yViolations(page);
  });

  await test.step("the link opens the failed run, which says why", async () => {
    await syncStatus(page).getByRole("link", { name: "See the failed run" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Full sync" })).toBeVisible();
    await expect(page.locator("main header")).toContainText("Failed");
    await expect(page.getByText(/^Error: Cannot reach Stash/).first()).toBeVisible();
  });

  await test.step("fix the address in Settings: Test connection says it is connected", async () => {
    await openFromNav(page, "Settings");
    await page.getByLabel("Stash GraphQL address").fill(sim.url);
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByText(/^Connected to Stash v0\.30\.1/)).toBeVisible();
    await expect(page.getByText("25 scenes")).toBeVisible();
    await screenshot(page, "first-run-2-connection-fixed");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
  });

  await test.step("a full sync completes and the empty state is gone, without a reload", async () => {
    await openFromNav(page, "Dashboard");
    // The connection card had checked the old address: saving made it ask again.
    await expect(page.getByText(/^Connected to Stash/)).toBeVisible();
    await markPage(page);
    await page.getByRole("button", { name: "Full sync" }).click();
    await expect(page.getByText(/^Completed: \d+ created/)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText("Your library is empty")).toHaveCount(0);
    await expect(page.getByRole("term").filter({ hasText: "Scenes" })).toBeVisible();
    await expect(page.getByText("25", { exact: true })).toBeVisible();
    await expect(lastRun(page, "Full sync")).toContainText("Completed");
    await expect(syncStatus(page)).toBeEmpty();
    await expectNotReloaded(page);
    await screenshot(page, "first-run-3-synced");
  });

  await test.step("a later failure reaches a scene's cached History too, without a reload", async () => {
    await openFromNav(page, "Scenes");
    await page.getByRole("table").getByRole("link").first().click();
    await page.getByRole("tab", { name: "History" }).click();
    const fullSyncs = page
      .getByRole("list", { name: "Scene history, newest first" })
      .locator("> li")
      .filter({ has: page.getByRole("heading", { name: "Full Sync (All Scenes)" }) });
    await expect(fullSyncs.first()).toBeVisible();
    const before = await fullSyncs.count();
    sim.setApiKey("a-key-stash-now-asks-for");
    await markPage(page);
    await openFromNav(page, "Dashboard");
    await page.getByRole("button", { name: "Full sync" }).click();
    await expect(syncStatus(page)).toContainText("Stash requires an API key");
    // Back to the History, whose five-minute cache only the failed start's refresh can renew.
    await page.goBack();
    await expect(fullSyncs).toHaveCount(before + 1);
    await expect(fullSyncs.first()).toHaveAttribute("data-colour", "red");
    await expectNotReloaded(page);
  });
});
