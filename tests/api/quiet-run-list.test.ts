import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStashSyncClient, type StashSyncClient } from "../../client";
import { startStashSim, type StashSim } from "../../stash-sim";
import { syncNow } from "../helpers/sync-run";
import { startAppServer, type AppServer } from "./helpers/start-app-server";

let sim: StashSim;
let app: AppServer;
let api: StashSyncClient;
beforeAll(async () => {
  sim = await startStashSim({ scenes: 30, seed: 4 });
  app = await startAppServer();
  api = createStashSyncClient({ url: app.url });
});
afterAll(async () => {
  await app.close();
  await sim.close();
});

describe("the runs list without the runs that changed nothing", () => {
  it("hides them when asked, says how many it hid, and statistics still count them", async () => {
    const full = await syncNow(sim, { type: "full" });
    const empty1 = await syncNow(sim, { type: "incremental" });
    const empty2 = await syncNow(sim, { type: "incremental" });
    sim.updateScene(5, { title: "Changed" });
    const changed = await syncNow(sim, { type: "incremental" });
    sim.failNext(20, 503);
    const failed = await syncNow(sim, { type: "incremental" });
    sim.resetFaults();
    expect([empty1.itemsCreated + empty1.itemsUpdated, empty2.status]).toEqual([0, "completed"]);
    expect(failed.status).toBe("failed");

    const quiet = await api.sync.list.query({ hideUnchanged: true });
    // A failed run changed nothing too, but someone should see it.
    expect(quiet.items.map((run) => run.jobId)).toEqual([failed.jobId, changed.jobId, full.jobId]);
    expect(quiet.hiddenUnchanged).toBe(2);

    const all = await api.sync.list.query({});
    expect(all.items).toHaveLength(5);
    expect(all.hiddenUnchanged).toBe(0);

    const byType = await api.sync.list.query({ hideUnchanged: true, syncType: "full" });
    expect(byType).toMatchObject({ hiddenUnchanged: 0, items: [{ jobId: full.jobId }] });

    const day = new Date();
    const perDay = await api.stats.runsPerDay.query({
      from: new Date(day.getTime() - 86_400_000),
      to: new Date(day.getTime() + 86_400_000),
    });
    expect(perDay.days.reduce((sum, d) => sum + d.total, 0)).toBe(5);
  });
});
