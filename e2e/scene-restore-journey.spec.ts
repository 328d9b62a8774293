import { expect, test, type Page } from "@playwright/test";
import { startStashSim, type StashSim } from "../stash-sim";
import { syncSceneThroughApi, syncThroughApi } from "./helpers/app-api";
import { expectNoSeriousA11yViolations } from "./helpers/expect-accessible";
import { screenshot } from "./helpers/screenshot";

// The journey of issue 18: a bad edit in Stash shows in a scene's History, and Restore puts
// the earlier value back in Stash, recorded as a new entry. One simulator for the whole file;
// named to run after scene-history-journey, which expects the library its own sync created.
test.describe.configure({ mode: "serial" });

let sim: StashSim;

test.beforeAll(async () => {
  sim = await startStashSim({ scenes: 40, seed: 18 });
});

test.afterAll(async () => {
  await sim?.close();
});

const timeline = (page: Page) =>
  page.getByRole("list", { name: "Scene history, newest first" }).locator("> li");

test("a person restores a scene's earlier title from its History", async ({ page, request }) => {
  test.setTimeout(180_000);
  const original = sim.scene(3)!.title!;
  const scraped = "Wrong title from a bad scrape";

  await test.step("connect Stash, allow changes to it, and sync the library", async () => {
    await page.goto("/settings");
    await page.getByLabel("Stash GraphQL address").fill(sim.url);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    const allow = page.getByRole("checkbox", { name: "Allow stash-sync to change Stash" });
    await expect(allow).not.toBeChecked();
    await allow.click();
    await expect(allow).toBeChecked();
    await expect(page.getByText(/^On: Restore on a scene's History/)).toBeVisible();
    await syncThroughApi(request, { type: "full" });
  });

  await test.step("a bad edit in Stash shows in the History as title: A → B", async () => {
    sim.updateScene(3, { title: scraped });
    await syncSceneThroughApi(request, "3");
    await page.goto("/scenes/3?tab=history");
    const change = timeline(page).first().getByRole("listitem").filter({ hasText: "title:" });
    await expect(change).toContainText(original);
    await expect(change).toContainText(scraped);
    await expect(page.getByRole("heading", { level: 1, name: scraped })).toBeVisible();
  });

  await test.step("Restore, confirm: a new entry records A back, and the page shows A", async () => {
    const edited = timeline(page).first();
    await edited.getByRole("button", { name: "Restore title" }).click();
    const dialog = page.getByRole("dialog", { name: "Restore title in Stash" });
    await expect(dialog.getByText(`title: back to ${original}`)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole("button", { name: "Restore", exact: true }).click();
    await expect(dialog.getByRole("status")).toHaveText(`title: restored to “${original}”`);
    await dialog.getByRole("button", { name: "Close" }).click();

    const restored = timeline(page).first();
    await expect(
      restored.getByRole("heading", { name: /^Restored title from job / }),
    ).toBeVisible();
    await expect(restored.getByText(/after a restore asked for by open access/)).toBeVisible();
    const change = restored.getByRole("listitem").filter({ hasText: "title:" });
    await expect(change).toContainText(`title: ${scraped}`);
    await expect(change).toContainText(`changed to ${original}`);
    await expect(page.getByRole("heading", { level: 1, name: original })).toBeVisible();
    expect(sim.scene(3)!.title).toBe(original);
    await screenshot(page, "history-with-restore");

    // The restore's entry links to the entry it undid.
    await restored.getByRole("link", { name: /^job / }).click();
    await expect(page).toHaveURL(/#history-entry-\d+$/);
  });

  await test.step("a restore over a newer edit in Stash asks first: Stash now has X", async () => {
    // Restoring the restore, after someone changed the title in Stash again.
    sim.updateScene(3, { title: "Fixed by hand meanwhile" });
    const restored = timeline(page).first();
    await restored.getByRole("button", { name: "Restore title" }).click();
    const dialog = page.getByRole("dialog", { name: "Restore title in Stash" });
    await dialog.getByRole("button", { name: "Restore", exact: true }).click();
    await expect(
      dialog.getByText(
        `title: Stash now has “Fixed by hand meanwhile”; restoring sets “${scraped}”`,
      ),
    ).toBeVisible();
    expect(sim.scene(3)!.title).toBe("Fixed by hand meanwhile");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(sim.scene(3)!.title).toBe("Fixed by hand meanwhile");
  });
});
