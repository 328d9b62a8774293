import { expect, test, type Page } from "@playwright/test";
import { startStashSim, type StashSim } from "../stash-sim";
import { syncSceneThroughApi, syncThroughApi } from "./helpers/app-api";
import { expectNoSeriousA11yViolations } from "./helpers/expect-accessible";
import { screenshot } from "./helpers/screenshot";

// The journey of issue 19: a plan run from the scene list finds a performer and a date in a
// file's path, a person reviews and bulk-approves them, applies them to Stash, and the scene's
// History shows "Analysis #1" and the sync that applied it. Named to run after the restore
// journey: like it, it syncs a library of its own.
test.describe.configure({ mode: "serial" });

let sim: StashSim;

test.beforeAll(async () => {
  sim = await startStashSim({ scenes: 30, seed: 19 });
});

test.afterAll(async () => {
  await sim?.close();
});

const timeline = (page: Page) =>
  page.getByRole("list", { name: "Scene history, newest first" }).locator("> li");

test("a person analyses scenes, reviews, bulk-approves and applies a plan", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const donor = [...Array(30).keys()]
    .map((i) => sim.scene(i + 1)!)
    .find((scene) => scene.performers.length > 0)!;
  const performer = donor.performers[0]!;
  const sceneId = 6;

  await test.step("connect Stash, turn on changes to it, and sync the library", async () => {
    await page.goto("/settings");
    await page.getByLabel("Stash GraphQL address").fill(sim.url);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    const allow = page.getByRole("checkbox", { name: "Allow stash-sync to change Stash" });
    if (!(await allow.isChecked())) await allow.click();
    await expect(allow).toBeChecked();
    sim.updateScene(sceneId, {
      title: null,
      date: null,
      performer_ids: [],
      file: { path: `/data/plan-journey/2023.05.06 - ${performer.name}.mp4` },
    });
    await syncThroughApi(request, { type: "full" });
    await syncSceneThroughApi(request, String(sceneId));
  });

  await test.step("Analyze on the scene list runs a plan over the list's filter", async () => {
    await page.goto("/scenes?q=plan-journey");
    await expect(page.getByText("1 scene match")).toBeVisible();
    await page.getByRole("button", { name: "Analyze 1 scene" }).click();
    await expect(page).toHaveURL(/\/plans\/\d+$/);
    await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(
      page.getByRole("heading", { level: 1, name: /1 scene of the list/ }),
    ).toBeVisible();
  });

  await test.step("the plan page shows each change with its evidence highlighted", async () => {
    const change = page.getByRole("listitem", { name: `performers: +${performer.name}` });
    await expect(change).toBeVisible();
    await expect(change.locator("mark").first()).toHaveText(performer.name);
    const date = page.getByRole("listitem", { name: "date: (empty) → 2023-05-06" });
    await expect(date.locator("mark").first()).toHaveText("2023.05.06");
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "plan-page-review");
  });

  await test.step("bulk-approve the confident ones, reject the title, apply", async () => {
    await page.getByLabel("Confidence at least", { exact: true }).first().fill("0.8");
    await page.getByRole("button", { name: "Approve pending" }).click();
    await expect(page.getByText(/^\d+ changes? reviewed\.$/)).toBeVisible();
    const title = page.getByRole("listitem", { name: /^title: / });
    await title.getByRole("button", { name: /^Reject title/ }).click();
    await expect(title.getByText("Rejected", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: /^Apply \d+ approved changes? to Stash$/ }).click();
    await expect(
      page.getByRole("status").filter({ hasText: /^Applied \d+, failed 0/ }),
    ).toBeVisible({
      timeout: 30_000,
    });
    await expect(
      page.getByRole("listitem", { name: `performers: +${performer.name}` }).getByText("Applied"),
    ).toBeVisible();
    expect(sim.scene(sceneId)!.date).toBe("2023-05-06");
    expect(sim.scene(sceneId)!.performers.map((p) => p.id)).toEqual([performer.id]);
    expect(sim.scene(sceneId)!.title).toBeNull();
    await screenshot(page, "plan-page-applied");
  });

  await test.step("the scene's History shows Analysis #1 and the sync that applied it", async () => {
    await page.goto(`/scenes/${sceneId}?tab=history`);
    const analysis = timeline(page).filter({
      has: page.getByRole("heading", { name: "Analysis #1" }),
    });
    await expect(analysis.getByText(/^Plan:/)).toContainText("1 scene of the list");
    await expect(
      analysis.getByRole("listitem").filter({ hasText: `performers: +${performer.name}` }),
    ).toContainText("Applied");
    const applying = timeline(page).filter({
      hasText: "Recorded the changes applied from Analysis #1",
    });
    await expect(applying.getByRole("heading")).toHaveText("Scene Sync");
    await screenshot(page, "history-with-analysis");
  });
});
