import { expect, test, type Page } from "@playwright/test";
import { startStashSim, type StashSim } from "../stash-sim";
import { syncSceneThroughApi } from "./helpers/app-api";
import { expectNoSeriousA11yViolations } from "./helpers/expect-accessible";
import { screenshot } from "./helpers/screenshot";

// The journey of issue 5: connect Stash, sync, and follow one scene's History through edits,
// a single-scene sync, a failure, filters and paging. One simulator for the whole file.
test.describe.configure({ mode: "serial" });

let sim: StashSim;

test.beforeAll(async () => {
  sim = await startStashSim({ scenes: 120, seed: 7, tz: "+01:00" });
});

test.afterAll(async () => {
  await sim?.close();
});

/** The History timeline's entries (each an <li> with its colour). */
const timeline = (page: Page) =>
  page.getByRole("list", { name: "Scene history, newest first" }).locator("> li");

async function openHistory(page: Page, sceneId: number) {
  await page.goto(`/scenes/${sceneId}`);
  await page.getByRole("tab", { name: "History" }).click();
  await expect(timeline(page).first()).toBeVisible();
}

test("a person connects Stash, syncs, and follows a scene's history", async ({ page, request }) => {
  test.setTimeout(180_000);

  await test.step("connect Stash in Settings", async () => {
    await page.goto("/settings");
    await page.getByLabel("Stash GraphQL address").fill(sim.url);
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByText(/^Connected/)).toBeVisible();
    await expect(page.getByText("120 scenes")).toBeVisible();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
  });

  await test.step("start a full sync on the dashboard and watch it finish", async () => {
    await page.goto("/");
    await page.getByRole("button", { name: "Full sync" }).click();
    await expect(page.getByRole("progressbar", { name: "Full sync progress" })).toBeVisible();
    await expect(page.getByText(/^Completed: \d+ created/)).toBeVisible({ timeout: 60_000 });
    await page.reload();
    await expect(page.getByRole("term").filter({ hasText: "Scenes" })).toBeVisible();
    await expect(page.getByText("120", { exact: true })).toBeVisible();
    await screenshot(page, "dashboard");
  });

  await test.step("find a scene by typing a fragment of its file path", async () => {
    const scene = sim.scene(2)!;
    // "…/studio-7/3/misty-harbor-2.mp4" → "7/3/misty-harbor-2": folders and a name, no title.
    const fragment = scene.files[0]!.path.split("/")
      .slice(-3)
      .join("/")
      .replace(/\.\w+$/, "");
    await page.goto("/scenes");
    await page.getByRole("searchbox", { name: "Title, file path or name" }).fill(fragment);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(page.getByText("1 scene match")).toBeVisible();
    await expect(
      page.getByRole("link", { name: scene.title?.trim() || "Untitled scene 2" }),
    ).toBeVisible();
  });

  const title = sim.scene(1)!.title!;
  await test.step("open a scene from the list and its History: the full sync is there", async () => {
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Scenes" })
      .click();
    await page.getByRole("searchbox", { name: "Title, file path or name" }).fill(title);
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("link", { name: title, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await page.getByRole("tab", { name: "History" }).click();
    await expect(
      page.getByRole("heading", { name: "Full Sync (All Scenes)" }).first(),
    ).toBeVisible();
    await expect(page.getByText("Only full syncs so far.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Scene Created in Stash" })).toBeVisible();
  });

  await test.step("an edit in Stash and an incremental sync appear once the action refreshed the cache", async () => {
    sim.updateScene(1, { title: "Retitled in Stash" });
    // Client-side navigation keeps the History's five-minute cache: only the sync's
    // invalidation can make the new entry appear when we come back.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Dashboard" })
      .click();
    await page.getByRole("button", { name: "Incremental sync" }).click();
    await expect(page.getByText(/^Completed: 0 created, 1 updated/)).toBeVisible({
      timeout: 30_000,
    });
    await page.goBack();
    const entry = timeline(page).filter({
      has: page.getByRole("heading", { name: "Incremental Sync" }),
    });
    await expect(entry).toHaveCount(1);
    await expect(entry).toHaveAttribute("data-colour", "blue");
    await expect(entry.getByText("Status: updated")).toBeVisible();
    // "title: old → new" (the arrow is read as "changed to" by screen readers).
    const change = entry.getByRole("listitem").filter({ hasText: "title:" });
    await expect(change).toContainText(title);
    await expect(change).toContainText("Retitled in Stash");
    await expect(page.getByText("Only full syncs so far.")).toHaveCount(0);
  });

  await test.step("sync this scene from its page: the outcome shows and History gains the entry", async () => {
    await page.getByRole("button", { name: "Sync this scene" }).click();
    await expect(page.getByText(/Completed: 0 created, 0 updated, 1 unchanged/)).toBeVisible();
    const entry = timeline(page).filter({ has: page.getByRole("heading", { name: "Scene Sync" }) });
    await expect(entry).toHaveCount(1);
    await expect(entry).toHaveAttribute("data-colour", "grey");
    await expect(entry.getByText("Status: skipped")).toBeVisible();
    await screenshot(page, "scene-history");
  });

  await test.step("a scene Stash sends broken data for fails, in red, with its error", async () => {
    sim.corruptScene(2, "bad-date");
    await openHistory(page, 2);
    await page.getByRole("button", { name: "Sync this scene" }).click();
    await expect(page.getByText(/Completed with errors: .*1 failed/)).toBeVisible();
    const failed = timeline(page).filter({
      has: page.getByRole("heading", { name: "Scene Sync" }),
    });
    await expect(failed).toHaveAttribute("data-colour", "red");
    await expect(failed.getByText("Status: failed")).toBeVisible();
    await expect(failed.getByText(/^Error: .*date/i)).toBeVisible();
  });

  await test.step("filter the timeline by outcome and by sync type", async () => {
    await page.getByLabel("Show").selectOption("failures");
    await expect(timeline(page)).toHaveCount(1);
    await expect(timeline(page).first()).toHaveAttribute("data-colour", "red");
    await page.getByLabel("Show").selectOption("all");
    await page.getByLabel("Sync type").selectOption("full");
    // The full sync that created the scene logged the scene's row and the run's row: one entry.
    await expect(timeline(page)).toHaveCount(1);
    const full = timeline(page).first();
    await expect(full.getByRole("heading", { name: "Full Sync (All Scenes)" })).toBeVisible();
    await expect(full).toHaveAttribute("data-colour", "blue");
    await expect(full.getByText("Status: created")).toBeVisible();
    await expect(full.getByText(/^Covered every scene: /)).toBeVisible();
    await page.getByLabel("Sync type").selectOption("any");
  });

  await test.step("a run's page explains its rows and retries the failed one", async () => {
    const failed = timeline(page).filter({
      has: page.getByRole("heading", { name: "Scene Sync" }),
    });
    await failed.getByRole("link", { name: /^Job / }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Scene sync" })).toBeVisible();
    await expect(page.getByRole("cell", { name: /^Error: / })).toBeVisible();
    await screenshot(page, "sync-run");
    sim.corruptScene(2, null);
    await page.getByRole("button", { name: "Retry failed entities (1)" }).click();
    // Stash sends the scene intact again: it syncs, and matches what was stored.
    await expect(page.getByText(/^Completed: 0 created, 0 updated, 1 unchanged/)).toBeVisible();
  });

  await test.step("Load more pages back, 50 at a time, without repeating an entry", async () => {
    for (let i = 0; i < 52; i++) await syncSceneThroughApi(request, "3");
    await openHistory(page, 3);
    // Consecutive unchanged syncs collapse into one entry (issue 7): open it to see each one.
    await page.getByRole("button", { name: /^Unchanged in 50 scene syncs$/ }).click();
    const jobLinks = page
      .getByRole("list", { name: "Scene history, newest first" })
      .getByRole("link", { name: /^Job / });
    await expect(jobLinks).toHaveCount(50);
    await page.getByRole("button", { name: "Load more" }).click();
    // 52 scene syncs, and the full sync that created the scene: its own "created" row and the
    // run's row for every scene, shown as one entry.
    await expect(jobLinks).toHaveCount(53);
    await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Scene Created in Stash" })).toBeVisible();
    const ids = await timeline(page).evaluateAll((items) => items.map((li) => li.textContent));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

test("a person selects scenes in the list and syncs them as one run", async ({ page }) => {
  await page.goto("/scenes?sort=title_desc");
  const rows = page.getByRole("table").getByRole("row");
  await rows.nth(1).getByRole("checkbox").check();
  await rows.nth(2).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Sync selected (2)" }).click();
  await expect(page.getByText(/^Completed: 0 created, 0 updated, 2 unchanged/)).toBeVisible();
  await page.getByRole("link", { name: "View run" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Scene sync" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /^Scene \d+$/ })).toHaveCount(2);
  await screenshot(page, "scene-list-sync-run");
});

test("the pages pass an accessibility check with no serious violations", async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of ["/", "/scenes", "/scenes/1?tab=history", "/syncs", "/settings"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    if (path.includes("history")) await expect(timeline(page).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
  await page.goto("/syncs");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Entities in this run" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the scene page is usable at phone width, in the dark theme", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openHistory(page, 1);
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  // Nothing wider than the screen: the page does not scroll sideways.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }),
  ).toBeInViewport();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, "scene-history-phone-dark");
});
