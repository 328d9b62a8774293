import { describe, expect, it } from "vitest";
import { bulkWriter } from "../../server/db/bulk-writer";
import { startStashSim } from "../../stash-sim";
import { lockRow, startSyncAgainst, waitFor } from "../helpers/sync-run";

// PostgreSQL only: SQLite has one writer, where the heartbeat queues between writes.
describe("a run whose writer is busy with one long statement (PostgreSQL)", () => {
  it("keeps its lock's heartbeat fresh, so another host does not take a live run's lock", async () => {
    const sim = await startStashSim({ scenes: 20, seed: 32 });
    try {
      // Once started, the run waits on Stash's pages, so nothing but its progress and heartbeat
      // writes meanwhile (before that, while Stash is checked, the lock beats on its own).
      sim.setLatency(3000);
      const starting = startSyncAgainst(sim, { type: "full" });
      const { done } = await starting;

      // Stands in for an index build at the end of a first sync of a million scenes.
      let longWriteDone = false;
      const longWrite = bulkWriter()
        .write([{ sql: "SELECT pg_sleep(4)", params: [] }])
        .then(() => (longWriteDone = true));
      const before = (await lockRow())!.heartbeatAt;
      await waitFor(async () => ((await lockRow())?.heartbeatAt ?? before) > before, 3000);
      expect(longWriteDone).toBe(false);
      await longWrite;

      sim.setLatency(0);
      expect((await done).status).toBe("completed");
    } finally {
      await sim.close();
    }
  });
});
