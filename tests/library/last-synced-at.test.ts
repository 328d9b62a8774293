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
const completedAt = async (jobId: string) => (await runRow(jobId)).completedAt!;

/** A scene's "last synced" through the real engine (server/library/last-synced-at.ts). */
describe("a scene's last sync time", () => {
  it("is the completion of the newest full sync that found it, without rewriting its row", async () => {
    const first = await syncNow(sim, { type: "full" });
    expect(await shownTime("7")).toEqual(await completedAt(first.jobId));
    const written = await storedTime("7");

    const again = await syncNow(sim, { type: "full" });
    expect(again.itemsSkipped).toBeGreaterThan(0);
    // Unchanged: its row keeps the time it was written; the page shows the new run's.
    expect(await storedTime("7")).toEqual(written);
    expect(await shownTime("7")).toEqual(await completedAt(again.jobId));
    expect(await listedTime("7")).toEqual(await completedAt(again.jobId));
  });

  it("is its own when a later incremental or scene sync checked it alone", async () => {
    sim.updateScene(8, { title: "Eight, edited" });
    const incremental = await syncNow(sim, { type: "incremental" });
    expect(await storedTime("8")).toBeInstanceOf(Date);
    expect(await shownTime("8")).toEqual(await storedTime("8"));
    expect((await storedTime("8")) <= (await completedAt(incremental.jobId))).toBe(true);

    await syncNow(sim, { type: "specific", sceneIds: ["9"] });
    expect(await shownTime("9")).toEqual(await storedTime("9"));
  });

  it("is not a full sync's that could not confirm it: failed or removed", async () => {
    await syncNow(sim, { type: "full" });
    const before = { failing: await storedTime("10"), removed: await storedTime("11") };
    sim.corruptScene(10, "bad-date", true);
    sim.removeScene(11);
    const run = await syncNow(sim, { type: "full" });
    expect(run.status).toBe("completed_with_errors");
    expect(await shownTime("10")).toEqual(before.failing);
    expect(await listedTime("10")).toEqual(before.failing);
    expect((await readSceneDetails({ sceneId: "11" })).removedAt).not.toBeNull();
    expect(await shownTime("11")).toEqual(before.removed);
    // The other scenes were confirmed by that run all the same.
    expect(await shownTime("12")).toEqual(await completedAt(run.jobId));
  });

  it("ignores a full sync that was cancelled or failed", async () => {
    const confirmed = await shownTime("12");
    sim.goAway();
    expect((await syncNow(sim, { type: "full" })).status).toBe("failed");
    await sim.comeBack();
    expect(await shownTime("12")).toEqual(confirmed);
  });
});
