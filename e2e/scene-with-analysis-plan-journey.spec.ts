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

const planName = "Paths of the plan journey";

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

  await test.step("Analyze on the scene list names a plan, chooses analyzers, runs it", async () => {
    await page.goto("/scenes?q=plan-journey");
    await expect(page.getByText("1 scene match")).toBeVisible();
    await page.getByRole("button", { name: "Analyze 1 scene" }).click();
    const dialog = page.getByRole("dialog", { name: "Analyze 1 scene" });
    const name = dialog.getByLabel("Plan name");
    await expect(name).toBeFocused();
    await expect(name).toHaveValue("1 scene of the list");
    await name.fill(planName);
    await expect(dialog.getByRole("checkbox")).toHaveCount(6);
    // Every analyzer is ticked until a person unticks one, here from the keyboard.
    const details = dialog.getByRole("checkbox", { name: "Details cleaned of HTML" });
    await expect(details).toBeChecked();
    await details.focus();
    await page.keyboard.press("Space");
    await expect(details).not.toBeChecked();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "analyze-dialog");
    await dialog.getByRole("button", { name: "Start analysis" }).click();
    await expect(page).toHaveURL(/\/plans\/\d+$/);
    await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(
      page.getByRole("heading", { level: 1, name: new RegExp(`^Plan #\\d+: ${planName}$`) }),
    ).toBeVisible();
    await expect(page.getByText(/^Analyzers: /)).toHaveText(
      "Analyzers: performers, studio, tags, date, title",
    );
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
    const planUrl = page.url();
    const bulk = page.getByRole("group", { name: "Review pending changes in bulk" });
    // Left empty, the bulk form takes every pending change: it asks first.
    await bulk.getByRole("button", { name: /^Approve \d+ pending changes$/ }).click();
    const confirm = page.getByRole("dialog", { name: /^Approve all \d+ pending changes\?$/ });
    await expect(confirm).toBeVisible();
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText("Approved: 0", { exact: false })).toBeVisible();

    // The page's filters are the bulk form's first values.
    const filters = page.getByRole("group", { name: "Show changes" });
    await filters.getByLabel("Confidence at least").fill("0.8");
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/confidence=0\.8/);
    await expect(bulk.getByLabel("Confidence at least")).toHaveValue("0.8");
    await expect(bulk.getByLabel("Field")).toHaveValue("");
    await expect(page.getByText(/^These filters take \d+ pending changes? of \d+\./)).toBeVisible();
    await bulk.getByRole("button", { name: /^Approve \d+ pending changes?$/ }).click();
    await expect(page.getByText(/\d+ changes? reviewed\.$/)).toBeVisible();
    await expect(page.getByRole("dialog")).toHaveCount(0);

    await page.goto(planUrl);
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
    await expect(analysis.getByText(/^Plan:/)).toContainText(planName);
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
