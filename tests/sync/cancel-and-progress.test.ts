import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { cancelSync } from "../../server/sync/sync-service";
import { startStashSim } from "../../stash-sim";
import { expectCountersMatchLogs, runRow, startSyncAgainst, waitFor } from "../helpers/sync-run";

describe("a running sync", () => {
  it("cancels a run on request, keeping the work done so far, and reports progress while it runs", async () => {
    const fresh = await startStashSim({ scenes: 600, seed: 21 });
    try {
      // Slow pages: a run of several seconds, so progress is written while it runs.
      fresh.setLatency(400);
      const { jobId, done } = await startSyncAgainst(fresh, { type: "full" });
      const seen = new Set<number>();
      await waitFor(async () => {
        const run = await runRow(jobId);
        if (run.phase === "scenes") seen.add(run.progressDone);
        return (await db().scene.count()) >= 200 && seen.size > 1;
      }, 30_000);
      const running = await runRow(jobId);
      expect(running).toMatchObject({ status: "running", phase: "scenes", progressTotal: 600 });
      expect(cancelSync(jobId)).toBe(true);
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
});
