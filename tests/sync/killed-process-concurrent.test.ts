import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { savePageConcurrency } from "../../server/sync/page-concurrency";
import { recoverInterruptedRuns } from "../../server/sync/run-record";
import { expectNoDanglingForeignKeys } from "../helpers/foreign-keys";
import { withStashSim } from "../helpers/stash-sim";
import { syncNow, waitFor } from "../helpers/sync-run";

const sim = withStashSim({ scenes: 1200, seed: 22 });

describe("a sync killed with 8 pages in flight (kill -9)", () => {
  // A child process that compiles on start: on a busy machine it needs longer than the
  // default 30 s before its wait for written pages (60 s) even begins to matter.
  it("kept whole pages only, is marked interrupted, and the next incremental catches up", async () => {
    await savePageConcurrency(8);
    sim.setLatency(80);
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/sync-cli.ts", "full"], {
      env: { ...process.env, STASH_URL: sim.url, STASH_PAGE_SIZE: "100" },
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    await waitFor(async () => (await db().scene.count()) >= 300, 60_000);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    await expectNoDanglingForeignKeys();
    expect(await db().scene.count({ where: { files: { none: {} } } })).toBe(0);
    const stored = await db().scene.findMany({ select: { id: true } });
    expect(stored.length % 100).toBe(0);
    // In order: the stored scenes are the first pages, with no gap.
    expect(stored.map((s) => Number(s.id)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: stored.length }, (_, i) => i + 1),
    );

    const [killed] = await recoverInterruptedRuns(db());
    expect((await db().syncHistory.findUniqueOrThrow({ where: { jobId: killed! } })).status).toBe(
      "interrupted",
    );
    sim.setLatency(0);
    const catchUp = await syncNow(sim, { type: "incremental" });
    expect(catchUp.status).toBe("completed");
    expect(await db().scene.count()).toBe(1200);
  }, 120_000);
});
