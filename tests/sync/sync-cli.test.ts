import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { startStashSim, type StashSim } from "../../stash-sim";

let sim: StashSim;
beforeAll(async () => {
  sim = await startStashSim({ scenes: 30, seed: 4 });
});
afterAll(() => sim.close());

/** `npm run sync -- …` as cron runs it: its own process, on this test file's database. */
function cli(args: string[], stashUrl: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/sync-cli.ts", ...args], {
    env: { ...process.env, STASH_URL: stashUrl },
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    // "close", not "exit": only then has all its output been read.
    child.on("close", (code) => resolve({ code, output })),
  );
}

describe("the sync CLI", () => {
  it("runs a full sync, prints a summary and exits 0", async () => {
    const { code, output } = await cli(["full"], sim.url);
    expect(output).toMatch(/completed: \d+ synced — \d+ created/);
    expect(code).toBe(0);
    expect(await db().scene.count()).toBe(30);
  });

  it("exits 3 when the run completed with failed entities", async () => {
    const { code, output } = await cli(["scenes", "1", "999999"], sim.url);
    expect(output).toMatch(/completed_with_errors/);
    expect(code).toBe(3);
  });

  it("exits 1 with a message naming Stash's address when Stash cannot be reached", async () => {
    const { code, output } = await cli(["incremental"], "http://127.0.0.1:9/graphql");
    expect(output).toContain("127.0.0.1:9");
    expect(code).toBe(1);
  });

  it("exits 2 and explains the usage on a bad command", async () => {
    const { code, output } = await cli(["scenes", "abc"], sim.url);
    expect(output).toMatch(/Usage: npm run sync/);
    expect(output).toMatch(/digits only/);
    expect(code).toBe(2);
  });
});
