import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { listScenes } from "../../server/library/list-scenes";
import { readSceneDetails } from "../../server/library/read-scene-details";
import { runRow, syncNow } from "../helpers/sync-run";
import { withStashSim } from "../helpers/stash-sim";

const sim = withStashSim({ scenes: 120, seed: 5 });

const storedTime = async (id: string) =>
  (await db().scene.findUniqueOrThrow({ where: { id } })).lastSyncedAt;
const shownTime = async (id: string) => (await readSceneDetails({ sceneId: id })).lastSyncedAt;
const listedTime = async (id: string) =>
  (await listScenes({ pageSize: 200 })).items.find((s) => s.id === id)?.lastSyncedAt;
const fullSync = async () => {
  const summary = await syncNow(sim, { type: "full" });
  return { ...summary, startedAt: (await runRow(summary.jobId)).startedAt };
};

/**
 * A scene's last sync time when full syncs confirm unchanged scenes without rewriting them
 * (server/sync/full-sync-confirmation.ts), through the real engine. Each test begins with the
 * syncs it relies on.
 */
describe("a scene's last sync time", () => {
  it("is the start of the newest full sync that found it unchanged; its row is not rewritten", async () => {
    await fullSync();
    const written = await storedTime("7");
    const again = await fullSync();
    expect(again.itemsSkipped).toBeGreaterThan(0);
    expect(await storedTime("7")).toEqual(written);
    expect(again.startedAt > written).toBe(true);
    expect(await shownTime("7")).toEqual(again.startedAt);
    expect(await listedTime("7")).toEqual(again.startedAt);
  });

  it("is its own when a scene sync checked it alone after that", async () => {
    const full = await fullSync();
    await syncNow(sim, { type: "specific", sceneIds: ["9"] });
    const own = await storedTime("9");
    expect(own > full.startedAt).toBe(true);
    expect(await shownTime("9")).toEqual(own);
  });

  it("stays at the last confirmation when the scene fails or Stash removes it", async () => {
    const confirming = await fullSync();
    sim.corruptScene(10, "bad-date", true);
    sim.removeScene(11);
    const run = await fullSync();
    expect(run.status).toBe("completed_with_errors");
    expect((await readSceneDetails({ sceneId: "11" })).removedAt).not.toBeNull();
    // Not the run that failed or removed them, nor a time before the one they showed.
    for (const id of ["10", "11"]) expect(await shownTime(id)).toEqual(confirming.startedAt);
    expect(await listedTime("10")).toEqual(confirming.startedAt);
    // The other scenes were confirmed by that run all the same.
    expect(await shownTime("12")).toEqual(run.startedAt);
    // Later full syncs do not confirm them either.
    const later = await fullSync();
    expect(await shownTime("10")).toEqual(confirming.startedAt);
    expect(await shownTime("12")).toEqual(later.startedAt);
  });

  it("ignores a full sync that did not finish", async () => {
    const finished = await fullSync();
    await sim.goAway();
    expect((await syncNow(sim, { type: "full" })).status).toBe("failed");
    await sim.comeBack();
    expect(await shownTime("13")).toEqual(finished.startedAt);
  });
});
