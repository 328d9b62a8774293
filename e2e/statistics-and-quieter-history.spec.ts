import { expect, test, type APIRequestContext } from "@playwright/test";
import superjson from "superjson";
import { startStashSim, type StashSim } from "../stash-sim";
import { syncSceneThroughApi } from "./helpers/app-api";
import { expectNoSeriousA11yViolations } from "./helpers/expect-accessible";

// Issue 7 in the browser: the Statistics page draws its charts from real runs, failures become
// notifications, and a scene's unchanged syncs collapse into one entry that opens.
test.describe.configure({ mode: "serial" });

let sim: StashSim;

test.beforeAll(async () => {
  sim = await startStashSim({ scenes: 30, seed: 21 });
});

test.afterAll(async () => {
  await sim?.close();
});

/** Starts a sync through the tRPC API (as another program would) and waits for its end. */
async function syncThroughApi(request: APIRequestContext, type: "full" | "incremental") {
  const start = await request.post("/api/trpc/sync.start", {
    data: superjson.serialize({ type }),
  });
  expect(start.ok(), await start.text()).toBe(true);
  const { jobId } = superjson.deserialize<{ jobId: string }>(
    ((await start.json()) as { result: { data: Parameters<typeof superjson.deserialize>[0] } })
      .result.data,
  );
  await expect
    .poll(
      async () => {
        const input = encodeURIComponent(JSON.stringify(superjson.serialize({ jobId })));
        const response = await request.get(`/api/trpc/sync.status?input=${input}`);
        const body = (await response.json()) as {
          result: { data: Parameters<typeof superjson.deserialize>[0] };
        };
        return superjson.deserialize<{ status: string }>(body.result.data).status;
      },
      { timeout: 60_000, intervals: [100, 250, 500] },
    )
    .not.toBe("running");
}

test("runs become statistics, failures notifications, unchanged syncs one entry", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);

  await test.step("connect this test's Stash", async () => {
    await page.goto("/settings");
    await page.getByLabel("Stash GraphQL address").fill(sim.url);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
  });

  await test.step("sync: a full sync, one with a broken scene, and unchanged scene syncs", async () => {
    await syncThroughApi(request, "full");
    sim.corruptScene(4, "bad-date");
    await syncThroughApi(request, "full");
    sim.corruptScene(4, null);
    for (let i = 0; i < 4; i++) await syncSceneThroughApi(request, "5");
  });

  await test.step("the failure is an unread notification in the header", async () => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: /^Notifications, \d+ unread$/ })).toBeVisible();
    await expect(page.getByTestId("next-scheduled-run")).toHaveText(/Scheduled syncs are off/);
    await page.getByRole("link", { name: /^Notifications, \d+ unread$/ }).click();
    await expect(page.getByText("Full sync finished with 1 failed entity").first()).toBeVisible();
    await page.getByRole("button", { name: "Mark all read" }).click();
    await expect(page.getByText("All read.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  });

  await test.step("the Statistics page draws its charts", async () => {
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Statistics" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Statistics" })).toBeVisible();
    const charts = page.getByTestId("stats-chart");
    await expect(charts).toHaveCount(4);
    // Drawn, not just laid out: bars and lines are in the SVGs.
    await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(charts.nth(1).locator(".recharts-line-dot").first()).toBeVisible();
    await expect(charts.nth(3).locator(".recharts-line-curve")).toBeVisible();
    await expect(page.getByRole("cell", { name: /date/i }).first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("statistics.png"), fullPage: true });
    await expectNoSeriousA11yViolations(page);
  });

  await test.step("a date range without runs says so", async () => {
    await page.getByLabel("From", { exact: true }).fill("2020-01-01");
    await page.getByLabel("To", { exact: true }).fill("2020-01-31");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/from=2020-01-01&to=2020-01-31/);
    await expect(page.getByText("No runs in this range.").first()).toBeVisible();
  });

  await test.step("a scene's unchanged syncs are one entry that opens from the keyboard", async () => {
    await page.goto("/scenes/5");
    await page.getByRole("tab", { name: "History" }).click();
    // The four scene syncs and the second full sync (nothing changed for this scene).
    const group = page.getByRole("button", { name: "Unchanged in 5 syncs" });
    await expect(group).toHaveAttribute("aria-expanded", "false");
    const jobLinks = page.getByRole("list", { name: /^Unchanged in 5 syncs/ }).getByRole("link");
    await expect(jobLinks).toHaveCount(0);
    await group.focus();
    await page.keyboard.press("Enter");
    await expect(group).toHaveAttribute("aria-expanded", "true");
    await expect(jobLinks).toHaveCount(5);
    await expect(
      page.getByRole("link", { name: /Export this scene's history as CSV/ }),
    ).toHaveAttribute("href", "/api/export/scenes/5/history?format=csv");
    await page.screenshot({ path: test.info().outputPath("quieter-history.png"), fullPage: true });
    await expectNoSeriousA11yViolations(page);
  });
});
