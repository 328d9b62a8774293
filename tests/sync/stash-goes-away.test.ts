import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { startStashSim } from "../../stash-sim";
import { expectCountersMatchLogs, startSyncAgainst, syncNow, waitFor } from "../helpers/sync-run";

describe("a run whose Stash goes away", () => {
  it("fails, keeps the pages written, and the next sync catches up", async () => {
    // Twenty pages of 100: Stash answers the first two and hangs on the next ones asked for
    // ahead, and goes away while the run waits for them.
    const fresh = await startStashSim({ scenes: 2000, seed: 9 });
    try {
      fresh.holdPagesFrom(3);
      const { jobId, done } = await startSyncAgainst(fresh, { type: "full" });
      await waitFor(async () => (await db().scene.count()) >= 200, 30_000);
      await fresh.goAway();
      const summary = await done;
      expect(summary.status).toBe("failed");
      expect(summary.errorMessage).toMatch(/reach|connect/i);
      expect(await db().scene.count()).toBe(200);
      await expectCountersMatchLogs(jobId);

      await fresh.comeBack();
      fresh.resetFaults();
      const catchUp = await syncNow(fresh, { type: "incremental" });
      expect(catchUp.status).toBe("completed");
      expect(await db().scene.count({ where: { removedAt: null } })).toBe(fresh.status().scenes);
    } finally {
      await fresh.close();
    }
  });
});
