import { TEST_ACCESS_TOKEN } from "./helpers/use-access-token";
import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { saveStashConnection } from "../../server/settings/stash-connection";
import { startStashSim, type StashSim } from "../../stash-sim";
import { startAppServer, type AppServer } from "./helpers/start-app-server";

const repo = path.resolve(import.meta.dirname, "../..");

let sim: StashSim;
let app: AppServer;
beforeAll(async () => {
  sim = await startStashSim({ scenes: 30, seed: 11 });
  await saveStashConnection({ url: sim.url });
  app = await startAppServer();
});
afterEach(() => sim.resetFaults());
afterAll(async () => {
  await app.close();
  await sim.close();
});

/**
 * Runs examples/sync-and-report-failures.ts as its own Node process, the way a person would,
 * against the server above. Asynchronous on purpose: the server lives in this process.
 */
function runExample(token: string | undefined = TEST_ACCESS_TOKEN) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "examples/sync-and-report-failures.ts"],
      {
        cwd: repo,
        env: {
          ...process.env,
          STASH_SYNC_URL: app.url,
          STASH_SYNC_TOKEN: token,
          STASH_SYNC_POLL_MS: "100",
        },
      },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === "number" ? error.code : null) : 0,
          stdout,
          stderr,
        }),
    );
  });
}

describe("examples/sync-and-report-failures.ts against a running server", () => {
  it("runs an incremental sync to its end, prints a summary and exits 0", async () => {
    const result = await runExample();

    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^Started incremental sync [0-9a-f-]{36}\./m);
    expect(result.stdout).toMatch(/\(incremental\) ended: completed after/);
    expect(result.stdout).toMatch(/failed 0$/m);
    expect(result.code).toBe(0);
  });

  it("lists the entities that failed and exits 2", async () => {
    sim.corruptScene(4, "bad-date", true);
    try {
      const result = await runExample();

      expect(result.stdout).toMatch(/ended: completed_with_errors/);
      expect(result.stdout).toMatch(/^Failed entities:\n {2}scene 4: .*date/im);
      expect(result.code).toBe(2);
    } finally {
      sim.corruptScene(4, null, true);
    }
  });

  it("exits 1 on a failed run (Stash unreachable)", async () => {
    await sim.goAway();
    try {
      const result = await runExample();

      // The server answers 503 at once, with Stash's address; the run is recorded as failed.
      expect(result.stderr).toMatch(/Cannot reach Stash at .*\(HTTP 503\)/);
      expect(result.code).toBe(1);
    } finally {
      await sim.comeBack();
    }
  });

  it("exits 1 when the server refuses the token, without printing it", async () => {
    const wrong = "not-the-token-at-all";
    const result = await runExample(wrong);

    expect(result.stderr).toMatch(/Sign in or send the access token\. \(HTTP 401\)/);
    expect(result.stdout + result.stderr).not.toContain(wrong);
    expect(result.code).toBe(1);
  });
});
