import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { cancelSync } from "../../server/sync/sync-service";
import type { SyncRequest } from "../../server/sync/sync-request";
import { startStashSim, type StashSim } from "../../stash-sim";
import { expectCountersMatchLogs, runRow, startSyncAgainst, waitFor } from "../helpers/sync-run";

describe("a running sync", () => {
  it("cancels a run on request, keeping the work done so far, and reports progress while it runs", async () => {
    const fresh = await startStashSim({ scenes: 2000, seed: 21 });
    try {
      // Slow pages, several in flight at once: a run of seconds, so progress is written while
      // it runs and the cancel comes with later pages still being fetched.
      fresh.setLatency(400);
      const { jobId, done } = await startSyncAgainst(fresh, { type: "full" });
      const seen = new Set<number>();
      await waitFor(async () => {
        const run = await runRow(jobId);
        if (run.phase === "scenes") seen.add(run.progressDone);
        return (await db().scene.count()) >= 200 && seen.size > 1;
      }, 30_000);
      const running = await runRow(jobId);
      expect(running).toMatchObject({ status: "running", phase: "scenes", progressTotal: 2000 });
      expect(await cancelSync(jobId)).toBe(true);
      const summary = await done;
      expect(summary.status).toBe("cancelled");
      const run = await runRow(jobId);
      expect(run.completedAt).not.toBeNull();
      expect(await db().scene.count({ where: { id: { in: ["1", "100", "200"] } } })).toBe(3);
      await expectCountersMatchLogs(jobId);
    } finally {
      await fresh.close();
    }
  });

  it("stops at once when cancelled while Stash hangs on a page, without waiting for its answer", async () => {
    const fresh = await startStashSim({ scenes: 2000, seed: 23 });
    try {
      // Unanswered until the simulator closes: a cancel that waited for the page would wait
      // for the request's timeout (30 s, and retries), longer than this test may take.
      fresh.holdPagesFrom(3);
      const { jobId, done } = await startSyncAgainst(fresh, { type: "full" });
      await waitFor(async () => (await runRow(jobId)).progressDone >= 200, 30_000);
      expect(await cancelSync(jobId)).toBe(true);
      const summary = await done;
      expect(summary.status).toBe("cancelled");
      // The two pages answered, and nothing after them.
      expect((await runRow(jobId)).progressDone).toBe(200);
      await expectCountersMatchLogs(jobId);
      // Nor are the requests it no longer wants left open on Stash: it closes them.
      const outcomes = () => fresh.requests().map((request) => request.outcome);
      await waitFor(() => !outcomes().includes("held"), 10_000);
      expect(outcomes()).toContain("abandoned");
    } finally {
      await fresh.close();
    }
  });

  it("stops a specific sync waiting on Stash for its scenes, and closes that request", async () => {
    // A by-id read asks for page 1: every one hangs.
    await expectCancelWhileHeld(24, (sim) => sim.holdPagesFrom(1), {
      type: "specific",
      sceneIds: ["1", "2", "3"],
    });
  });

  it("stops a full sync waiting on Stash for its watermarks, and closes that request", async () => {
    // Sent beside the compatibility check, which is answered: the run starts, then waits.
    await expectCancelWhileHeld(25, (sim) => sim.holdOperation("StashSyncLatestUpdates"), {
      type: "full",
    });
  });

  it("cancels a run of another process (a sync from cron) from this one", async () => {
    // Still reading when the cancel comes: Stash answers two pages and hangs on the rest.
    const fresh = await startStashSim({ scenes: 3000, seed: 22 });
    let child: ReturnType<typeof spawn> | undefined;
    try {
      fresh.holdPagesFrom(3);
      child = spawn(process.execPath, ["--import", "tsx", "scripts/sync-cli.ts", "full"], {
        env: { ...process.env, STASH_URL: fresh.url, STASH_PAGE_SIZE: "100" },
        stdio: "ignore",
      });
      const exitCode = new Promise<number | null>((resolve) => child!.on("exit", resolve));
      // The child's run, once it has written a page of scenes.
      const childRun = () =>
        db().syncHistory.findFirst({ where: { status: "running", trigger: "cli" } });
      await waitFor(async () => {
        const run = await childRun();
        return run?.phase === "scenes" && run.progressDone >= 100;
      }, 60_000);
      const { jobId } = (await childRun())!;
      const logged = () => db().syncLog.count({ where: { syncHistory: { jobId } } });

      // Not a run of this process: the request goes through the database.
      expect(await cancelSync(jobId)).toBe(true);
      expect(await exitCode).toBe(1);
      const run = await runRow(jobId);
      expect(run.status).toBe("cancelled");
      expect(run.errorMessage).toMatch(/Cancelled on request/);
      // Work done before the cancel is kept; the run stopped well before its 3,000 scenes.
      expect(run.progressDone).toBeGreaterThanOrEqual(100);
      expect(run.progressDone).toBeLessThan(3000);
      expect(await logged()).toBeGreaterThan(0);
      await expectCountersMatchLogs(jobId);
      // A run that has ended cannot be cancelled again.
      expect(await cancelSync(jobId)).toBe(false);
    } finally {
      child?.kill("SIGKILL");
      await fresh.close();
    }
  }, 60_000);

  it("says a run whose process died is not running, and marks it interrupted", async () => {
    // As a kill -9 leaves it: the run's row says running, and no live process holds the lock.
    const { jobId } = await db().syncHistory.create({
      data: {
        jobId: "dead-run",
        syncType: "incremental",
        trigger: "cli",
        status: "running",
        startedAt: new Date(),
        heartbeatAt: new Date(),
      },
    });
    expect(await cancelSync(jobId)).toBe(false);
    const run = await runRow(jobId);
    expect(run.status).toBe("interrupted");
    expect(run.cancelRequestedAt).toBeNull();
  });
});

/**
 * A run cancelled while Stash holds the one request it waits on (`hold` says which) stops at
 * once with nothing done, and closes that request.
 */
async function expectCancelWhileHeld(
  seed: number,
  hold: (sim: StashSim) => void,
  request: SyncRequest,
): Promise<void> {
  const fresh = await startStashSim({ scenes: 50, seed });
  try {
    hold(fresh);
    const { jobId, done } = await startSyncAgainst(fresh, request);
    const outcomes = () => fresh.requests().map((sent) => sent.outcome);
    await waitFor(() => outcomes().includes("held"), 10_000);
    expect(await cancelSync(jobId)).toBe(true);
    expect((await done).status).toBe("cancelled");
    await waitFor(() => !outcomes().includes("held"), 10_000);
    expect(outcomes()).toContain("abandoned");
    expect((await runRow(jobId)).progressDone).toBe(0);
  } finally {
    await fresh.close();
  }
}
