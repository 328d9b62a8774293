import { describe, expect, it } from "vitest";
import { startStashSim } from "../../stash-sim";
import { lockRow, startSyncAgainst, waitFor } from "../helpers/sync-run";

describe("a run waiting on a slow Stash before its first page", () => {
  it("keeps its lock's heartbeat fresh, so no other process takes over a live run", async () => {
    const sim = await startStashSim({ scenes: 20, seed: 31 });
    try {
      // Each request takes 5 s: the run is still asking Stash whether it can read it.
      sim.setLatency(5000);
      const starting = startSyncAgainst(sim, { type: "full" });
      // startSync answers once Stash has passed the compatibility check.
      let checked = false;
      void starting.then(() => (checked = true));
      await waitFor(async () => (await lockRow()) !== null, 10_000);
      const first = (await lockRow())!.heartbeatAt;

      // Well before the compatibility check can answer, the heartbeat has moved on.
      await waitFor(async () => ((await lockRow())?.heartbeatAt ?? first) > first, 4000);
      expect(checked).toBe(false);

      sim.setLatency(0);
      const { done } = await starting;
      expect((await done).status).toBe("completed");
      expect(await lockRow()).toBeNull();
    } finally {
      await sim.close();
    }
  });
});
