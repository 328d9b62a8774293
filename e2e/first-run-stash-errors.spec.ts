import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { startStashSim, type StashSim } from "../stash-sim";
import { markAllNotificationsRead, syncThroughApi } from "./helpers/app-api";
import {
  expectFullSyncFailsAtOnce,
  expectNotReloaded,
  lastRun,
  markPage,
  openFromNav,
  saveStashConnection,
} from "./helpers/dashboard";
import { screenshot } from "./helpers/screenshot";

// Issue 24's other error states, siblings of the first-run journey on its server: each tells
// the person what happened in every card at once, and links to the run it is about.

let sim: StashSim | undefined;

test.afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** Points this server at `stash` (with `apiKey`) and opens the dashboard, notifications read. */
async function connectAndOpenDashboard(
  page: Page,
  request: APIRequestContext,
  stash: StashSim,
  apiKey = "",
) {
  await markAllNotificationsRead(request);
  await saveStashConnection(page, stash.url, apiKey);
  await openFromNav(page, "Dashboard");
}

test("a wrong API key: Full sync fails at once and says Stash rejected the key", async ({
  page,
  request,
}) => {
  sim = await startStashSim({ scenes: 5, apiKey: "the-right-key" });
  await connectAndOpenDashboard(page, request, sim, "a-wrong-key");
  await expectFullSyncFailsAtOnce(page, "Stash rejected the API key (HTTP 401)");
  await screenshot(page, "error-wrong-api-key");
});

test("a Stash too old: Full sync is refused, naming its version and what it lacks", async ({
  page,
  request,
}) => {
  sim = await startStashSim({
    scenes: 5,
    stashVersion: "v0.25.1",
    version: { version: "v0.24.3" },
    removeFields: ["Scene.urls"],
  });
  await connectAndOpenDashboard(page, request, sim);
  await expect(page.getByText("Update Stash to a current release.")).toBeVisible();
  await expectFullSyncFailsAtOnce(page, /This Stash \(v0\.24\.3\) lacks .*Scene\.urls/);
  await screenshot(page, "error-stash-too-old");
});

test("a sync refused because one is running links to that run, in words that follow it", async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(180_000);
  const stash = await startStashSim({ scenes: 20, seed: 31 });
  sim = stash;
  await saveStashConnection(page, stash.url);
  await syncThroughApi(request, { type: "full" });

  await test.step("a full sync from the dashboard that takes its time", async () => {
    // Every request to Stash now waits: the run stays running while the test looks at it (its
    // requests go out side by side, so the whole run is a few round trips long).
    stash.setLatency(8000);
    await openFromNav(page, "Dashboard");
    await markPage(page);
    await page.getByRole("button", { name: "Full sync" }).click();
    await expect(page.getByRole("progressbar", { name: "Full sync progress" })).toBeVisible({
      timeout: 60_000,
    });
    await expect(lastRun(page, "Full sync")).toContainText("Running");
  });

  const scenePage = await context.newPage();
  await test.step("meanwhile, in another tab, Sync this scene is refused", async () => {
    await scenePage.goto("/scenes/1");
    await scenePage.getByRole("button", { name: "Sync this scene" }).click();
    await expect(scenePage.getByText(/^A sync is already running/)).toBeVisible();
    await expect(scenePage.getByRole("link", { name: "See the running sync" })).toBeVisible();
    await expect(scenePage.getByRole("link", { name: "See the failed run" })).toHaveCount(0);
    await screenshot(scenePage, "error-refused-while-running");
  });

  await test.step("Cancel on the dashboard: every card and the other tab follow", async () => {
    await page.bringToFront();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByText(/^Cancelled: /)).toBeVisible({ timeout: 60_000 });
    await expect(lastRun(page, "Full sync")).toContainText("Cancelled");
    await expectNotReloaded(page);
    await screenshot(page, "cancelled-on-dashboard");
    // The refusal's link no longer calls the run running.
    await scenePage.bringToFront();
    await expect(scenePage.getByRole("link", { name: "See the cancelled run" })).toBeVisible();
    await expect(scenePage.getByRole("link", { name: "See the running sync" })).toHaveCount(0);
    await scenePage.getByRole("link", { name: "See the cancelled run" }).click();
    await expect(scenePage.locator("main header")).toContainText("Cancelled");
  });
});
