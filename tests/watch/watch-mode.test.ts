import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { startSync } from "../../server/sync/sync-service";
import { StashClient } from "../../server/stash/client";
import { runWatchTickIfDue, type WatchTickDeps } from "../../server/watch/run-watch-tick";
import { readWatch, saveWatchSettings } from "../../server/watch/watch-settings";
import { withStashSim } from "../helpers/stash-sim";
import { against, syncNow } from "../helpers/sync-run";

const sim = withStashSim({ scenes: 120, seed: 9 });

const deps = (): WatchTickDeps => ({
  start: (request, trigger) => startSync(request, trigger, against(sim)),
  client: async () => new StashClient({ url: sim.url }),
});
const runs = () => db().syncHistory.count();
const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

describe("watch mode", () => {
  it("is off by default, and a tick then does nothing", async () => {
    expect(await readWatch()).toMatchObject({
      enabled: false,
      intervalSeconds: 60,
      lastCheck: null,
    });
    expect((await runWatchTickIfDue(new Date(), deps())).outcome).toBe("not_due");
  });

  it("before any sync finished, says a first sync is needed and starts nothing", async () => {
    await saveWatchSettings({ enabled: true, intervalSeconds: 15 });
    const tick = await runWatchTickIfDue(new Date(), deps());
    expect(tick.outcome).toBe("no_baseline");
    expect(await runs()).toBe(0);
  });

  it("a tick that finds nothing records no run; one that finds changes starts one incremental sync", async () => {
    await syncNow(sim, { type: "full" });
    const before = await runs();
    // A minute on: the check before this one (no baseline) was a full interval ago.
    const start = new Date(Date.now() + 60_000);
    sim.clearRequests();

    const quiet = await runWatchTickIfDue(start, deps());
    expect(quiet.outcome).toBe("no_changes");
    expect(await runs()).toBe(before);
    // One request, counts only: no record crossed the wire.
    const asked = sim.requests().filter((r) => r.operationName === "StashSyncChangedSince");
    expect(asked).toHaveLength(1);
    expect(asked[0]!.query).not.toMatch(/\bscenes\s*\{/);
    expect((await readWatch()).lastCheck).toMatchObject({ outcome: "no_changes", at: start });

    // Not again before its interval.
    expect((await runWatchTickIfDue(at(start, 10), deps())).outcome).toBe("not_due");

    sim.updateScene(7, { title: "Seen by watch mode" });
    sim.updatePerformer(2, { name: "Renamed performer" });
    const busy = await runWatchTickIfDue(at(start, 16), deps());
    expect(busy).toMatchObject({ outcome: "started", check: { changes: 2 } });
    await busy.done;
    const run = await db().syncHistory.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(run).toMatchObject({
      jobId: busy.check!.jobId,
      syncType: "incremental",
      trigger: "watch",
      status: "completed",
    });
    expect(run.itemsUpdated).toBe(2);
    expect((await db().scene.findUniqueOrThrow({ where: { id: "7" } })).title).toBe(
      "Seen by watch mode",
    );

    // The sync moved the watermarks: the next tick finds nothing again.
    expect((await runWatchTickIfDue(at(start, 32), deps())).outcome).toBe("no_changes");
    expect(await runs()).toBe(before + 1);
  });

  it("a Stash that cannot be reached is said on the check, and no run is recorded", async () => {
    const before = await runs();
    const start = new Date(Date.now() + 3_600_000);
    await sim.goAway();
    const tick = await runWatchTickIfDue(start, {
      ...deps(),
      client: async () => new StashClient({ url: sim.url, retries: 0 }),
    });
    expect(tick.outcome).toBe("failed");
    expect(tick.check!.message).toMatch(/Cannot reach Stash/);
    expect(await runs()).toBe(before);
  });

  it("takes an interval from 15 s to 10 min", async () => {
    await expect(saveWatchSettings({ enabled: true, intervalSeconds: 14 })).rejects.toThrow(
      /at least 15/,
    );
    await expect(saveWatchSettings({ enabled: true, intervalSeconds: 601 })).rejects.toThrow(
      /at most 600/,
    );
    expect(await saveWatchSettings({ enabled: false, intervalSeconds: 600 })).toMatchObject({
      enabled: false,
      intervalSeconds: 600,
      nextCheckAt: null,
    });
  });
});
