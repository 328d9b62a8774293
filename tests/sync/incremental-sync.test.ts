import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { startStashSim, type StashSim } from "../../stash-sim";
import {
  expectCountersMatchLogs,
  logRows,
  runRow,
  startSyncAgainst,
  syncNow,
  waitFor,
} from "../helpers/sync-run";

let sim: StashSim;
beforeAll(async () => {
  // Stash's server clock is ahead of UTC: a watermark computed from our clock would be wrong.
  sim = await startStashSim({ scenes: 300, seed: 11, tz: "+05:30" });
  await syncNow(sim, { type: "full" });
});
afterAll(() => sim.close());

describe("an incremental sync", () => {
  it("reads only what changed since the last sync, one log row per entity it read", async () => {
    sim.updateScene(10, { title: "Changed ten" });
    sim.updateScene(20, { rating100: 55 });
    const summary = await syncNow(sim, { type: "incremental" });
    expect(summary.status).toBe("completed");

    const sceneRows = (await logRows(summary.jobId)).filter((r) => r.entityType === "scene");
    const byId = new Map(sceneRows.map((r) => [r.entityId, r]));
    expect(byId.get("10")?.changeType).toBe("updated");
    expect(byId.get("20")?.changeType).toBe("updated");
    // Only the window since the watermark (plus a one-second overlap) is read, not the library.
    expect(sceneRows.length).toBeLessThan(10);
    expect(sceneRows.every((r) => r.entityId !== null && r.syncType === "incremental")).toBe(true);
    await expectCountersMatchLogs(summary.jobId);
  });

  it("asks Stash with a timestamp string Stash itself produced, in Stash's time zone", async () => {
    sim.clearRequests();
    sim.updateScene(30, { title: "Thirty" });
    const summary = await syncNow(sim, { type: "incremental" });
    const filters = sim
      .requests()
      .map((r) => JSON.stringify(r.variables ?? {}))
      .filter((v) => v.includes("updated_at"));
    expect(filters.length).toBeGreaterThan(0);
    expect(filters.every((f) => f.includes("+05:30"))).toBe(true);
    const row = (await logRows(summary.jobId)).find(
      (r) => r.entityType === "scene" && r.entityId === "30",
    );
    expect(row?.changeType).toBe("updated");
    expect((await runRow(summary.jobId)).watermarkTo).toContain("+05:30");
  });

  it("logs a re-read scene whose values did not change as skipped", async () => {
    const title = sim.scene(40)!.title;
    sim.updateScene(40, { title });
    const summary = await syncNow(sim, { type: "incremental" });
    const row = (await logRows(summary.jobId)).find(
      (r) => r.entityType === "scene" && r.entityId === "40",
    );
    expect(row).toMatchObject({ changeType: "skipped", hadChanges: false });
  });

  it("syncs performers, tags and studios by their own updated_at", async () => {
    sim.updatePerformer(2, { name: "Renamed Performer" });
    sim.updateTag(3, { name: "renamed-tag" });
    sim.updateStudio(1, { name: "Renamed Studio" });
    const summary = await syncNow(sim, { type: "incremental" });
    const rows = await logRows(summary.jobId);
    expect(rows.find((r) => r.entityType === "performer" && r.entityId === "2")?.changeType).toBe(
      "updated",
    );
    expect(rows.find((r) => r.entityType === "tag" && r.entityId === "3")?.changeType).toBe(
      "updated",
    );
    expect(rows.find((r) => r.entityType === "studio" && r.entityId === "1")?.changeType).toBe(
      "updated",
    );
    expect((await db().performer.findUniqueOrThrow({ where: { id: "2" } })).name).toBe(
      "Renamed Performer",
    );
  });

  it("picks up an edit made in Stash while a full sync was running", async () => {
    sim.setLatency(150);
    sim.clearRequests();
    const { jobId, done } = await startSyncAgainst(sim, { type: "full" });
    // The sync asks for page 2 once page 1, which holds scene 1, has arrived: then edit
    // scene 1 behind the sync's back.
    await waitFor(() =>
      sim
        .requests()
        .some(
          (r) =>
            r.operationName === "StashSyncFindScenePage" &&
            (r.variables?.filter as { page?: number } | undefined)?.page === 2,
        ),
    );
    expect((await runRow(jobId)).status).toBe("running");
    sim.updateScene(1, { title: "Edited during the full sync" });
    await done;
    sim.setLatency(0);

    const summary = await syncNow(sim, { type: "incremental" });
    const row = (await logRows(summary.jobId)).find(
      (r) => r.entityType === "scene" && r.entityId === "1",
    );
    expect(row?.changeType).toBe("updated");
    expect((await db().scene.findUniqueOrThrow({ where: { id: "1" } })).title).toBe(
      "Edited during the full sync",
    );
  });
});
