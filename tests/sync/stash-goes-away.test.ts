import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { startStashSim } from "../../stash-sim";
import { expectCountersMatchLogs, startSyncAgainst, syncNow, waitFor } from "../helpers/sync-run";

describe("a run whose Stash goes away", () => {
  it("fails, keeps the pages written, and the next sync catches up", async () => {
    // Enough pages that the run is still reading when Stash goes away, however fast it writes.
    const fresh = await startStashSim({ scenes: 2000, seed: 9 });
    try {
      fresh.setLatency(200);
      const { jobId, done } = await startSyncAgainst(fresh, { type: "full" });
      await waitFor(async () => (await db().scene.count()) >= 200, 30_000);
      await fresh.goAway();
      const summary = await done;
      expect(summary.status).toBe("failed");
      expect(summary.errorMessage).toMatch(/reach|connect/i);
      const kept = await db().scene.count();
      expect(kept).toBeGreaterThanOrEqual(200);
      await expectCountersMatchLogs(jobId);

      await fresh.comeBack();
      fresh.setLatency(0);
      const catchUp = await syncNow(fresh, { type: "incremental" });
      expect(catchUp.status).toBe("completed");
      expect(await db().scene.count({ where: { removedAt: null } })).toBe(fresh.status().scenes);
    } finally {
      await fresh.close();
    }
  });
});
