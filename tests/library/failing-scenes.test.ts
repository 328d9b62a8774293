import { describe, expect, it } from "vitest";
import { listScenes } from "../../server/library/list-scenes";
import { syncNow } from "../helpers/sync-run";
import { withStashSim } from "../helpers/stash-sim";

const sim = withStashSim({ scenes: 1300, seed: 21 });

const ids = (page: Awaited<ReturnType<typeof listScenes>>) => page.items.map((s) => s.id);

/** "Failing" is the outcome of the newest sync that logged the scene, through the real engine. */
describe("failing scenes in the scene list", () => {
  it("marks and filters scenes whose latest sync failed, not those that recovered", async () => {
    expect((await syncNow(sim, { type: "full" })).status).toBe("completed");
    sim.corruptScene(3, "bad-date", true);
    sim.corruptScene(5, "bad-date", true);
    expect((await syncNow(sim, { type: "incremental" })).status).toBe("completed_with_errors");
    sim.corruptScene(5, null, true);
    expect((await syncNow(sim, { type: "incremental" })).status).toBe("completed");

    expect(ids(await listScenes({ failing: true }))).toEqual(["3"]);
    const marked: string[] = [];
    for (let page = 1; page <= 7; page++) {
      const scenes = await listScenes({ sort: "title_asc", pageSize: 200, page });
      marked.push(...scenes.items.filter((s) => s.failing).map((s) => s.id));
    }
    expect(marked).toEqual(["3"]);
    // A full sync that finds the scene unchanged logs nothing for it: still failing.
    sim.corruptScene(3, null);
    await syncNow(sim, { type: "full" });
    expect(ids(await listScenes({ failing: true }))).toEqual(["3"]);
    // A scene sync that reads it again clears it.
    await syncNow(sim, { type: "specific", sceneIds: ["3"] });
    expect((await listScenes({ failing: true })).total).toBe(0);
  });

  it("filters thousands of failing scenes in one query (no list of ids to bind)", async () => {
    for (let id = 1; id <= 1200; id++) sim.corruptScene(id, "bad-date", true);
    const run = await syncNow(sim, { type: "incremental" });
    expect(run.itemsFailed).toBe(1200);

    const failing = await listScenes({ failing: true, pageSize: 100, page: 3 });
    expect(failing.total).toBe(1200);
    expect(failing.items).toHaveLength(100);
    expect(failing.items.every((s) => s.failing)).toBe(true);
    for (let id = 1; id <= 1200; id++) sim.corruptScene(id, null);
  });
});
