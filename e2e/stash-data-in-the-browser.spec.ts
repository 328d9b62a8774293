import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { startStashSim, type StashSim } from "../stash-sim";
import { syncSceneThroughApi } from "./helpers/app-api";

// Issue 16 in the browser: what Stash's data and the Settings form can make the app do.
test.describe.configure({ mode: "serial" });

const STASH_KEY = "e2e-stash-api-key-0123";
let sim: StashSim;
let elsewhere: Server;
const seenElsewhere: IncomingHttpHeaders[] = [];

test.beforeAll(async () => {
  sim = await startStashSim({ scenes: 3, seed: 16, apiKey: STASH_KEY });
  elsewhere = createServer((request, response) => {
    seenElsewhere.push(request.headers);
    request.resume().on("end", () => response.writeHead(401).end());
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
});

test.afterAll(async () => {
  await sim?.close();
  await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
});

test("a person tests another address: the saved key stays home, the answer says only 'no Stash'", async ({
  page,
}) => {
  await page.goto("/settings");
  await page.getByLabel("Stash GraphQL address").fill(sim.url);
  await page.getByLabel("API key").fill(STASH_KEY);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  const other = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/graphql`;
  await page.getByLabel("Stash GraphQL address").fill(other);
  await page.getByRole("button", { name: "Test connection" }).click();

  await expect(page.getByText("No Stash answered at this address.")).toBeVisible();
  expect(seenElsewhere.length).toBeGreaterThan(0);
  expect(seenElsewhere.some((headers) => "apikey" in headers)).toBe(false);

  // The saved address itself gets the saved key and the full answer.
  await page.getByLabel("Stash GraphQL address").fill(sim.url);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByText(/^Connected/)).toBeVisible();
});

test("a scene's URLs from Stash are links only when they are web addresses", async ({
  page,
  request,
}) => {
  sim.updateScene(1, {
    urls: [
      "https://scenes.example/1",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "javascript:alert(1)",
    ],
  });
  await syncSceneThroughApi(request, "1");

  await page.goto("/scenes/1");

  const urls = page.getByRole("definition").filter({ hasText: "scenes.example" });
  await expect(urls.getByRole("link", { name: "https://scenes.example/1" })).toBeVisible();
  for (const text of ["data:text/html", "vbscript:msgbox(1)", "javascript:alert(1)"]) {
    await expect(urls.getByText(text)).toBeVisible();
    await expect(
      urls.getByRole("link", { name: new RegExp(text.replace(/[()]/g, "\\$&")) }),
    ).toHaveCount(0);
  }
  await expect(
    page.locator('a[href^="data:"], a[href^="vbscript:"], a[href^="javascript:"]'),
  ).toHaveCount(0);
});

test.afterAll(async ({ browser }) => {
  // Leave no key saved for the specs after this one, which connect Stashes without one.
  const page = await browser.newPage();
  await page.goto("/settings");
  await page.getByLabel("Remove the saved key").check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.close();
});
