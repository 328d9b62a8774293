import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Real Chromium from Debian's package: Playwright never downloads a browser here.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const port = Number(process.env.E2E_PORT ?? 3100);
// A fresh database for every browser-test run (config is evaluated once in the runner process
// and then in workers, so the folder is chosen once and passed down through the environment).
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), "stash-sync-e2e-"));
const dataDir = process.env.E2E_DATA_DIR;
// A second server with access control on, for e2e/access-control.spec.ts only.
const tokenPort = port + 1;
process.env.E2E_ACCESS_TOKEN ??= "e2e-access-token-0123456789";
const browserArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const withToken = /access-control\.spec\.ts$/;
// A third server whose database nothing else touches, for the first-run journey and its
// siblings: they start from an empty library whatever ran before.
const firstRunPort = port + 2;
const firstRun = /first-run[^/]*\.spec\.ts$/;

/** Debian's Chromium, against the app on `serverPort`. */
const chromiumAt = (serverPort: number) => ({
  ...devices["Desktop Chrome"],
  baseURL: `http://127.0.0.1:${serverPort}`,
  launchOptions: { executablePath: chromium, args: browserArgs },
});

/** `next start` on `serverPort` with a database of its own, ready once `readyPath` answers. */
const appServer = (
  serverPort: number,
  database: string,
  readyPath: string,
  env: Record<string, string>,
) => ({
  command: `npm start -- -H 127.0.0.1 -p ${serverPort}`,
  url: `http://127.0.0.1:${serverPort}${readyPath}`,
  reuseExistingServer: false,
  timeout: 120_000,
  env: {
    DATABASE_URL: `file:${path.join(dataDir, database)}`,
    NEXT_TELEMETRY_DISABLED: "1",
    ...env,
  },
});

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", testIgnore: [withToken, firstRun], use: chromiumAt(port) },
    { name: "chromium-with-token", testMatch: withToken, use: chromiumAt(tokenPort) },
    { name: "chromium-first-run", testMatch: firstRun, use: chromiumAt(firstRunPort) },
  ],
  webServer: [
    // Open on purpose, whatever the developer's shell has set.
    appServer(port, "e2e.db", "/", { STASH_SYNC_TOKEN: "", STASH_SYNC_ALLOW_WRITES: "" }),
    appServer(tokenPort, "e2e-with-token.db", "/login", {
      STASH_SYNC_TOKEN: process.env.E2E_ACCESS_TOKEN!,
    }),
    // Stash's address comes from Settings here, as a new user enters it.
    appServer(firstRunPort, "e2e-first-run.db", "/", {
      STASH_SYNC_TOKEN: "",
      STASH_URL: "",
      STASH_API_KEY: "",
    }),
  ],
});
