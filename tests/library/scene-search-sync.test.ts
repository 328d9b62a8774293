import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listScenes } from "../../server/library/list-scenes";
import { startStashSim, type StashSim } from "../../stash-sim";
import { syncNow } from "../helpers/sync-run";

let sim: StashSim;
beforeAll(async () => {
  sim = await startStashSim({ scenes: 120, seed: 5 });
  await syncNow(sim, { type: "full" });
});
afterAll(() => sim.close());

const ids = async (search: string) =>
  (await listScenes({ search, pageSize: 200 })).items.map((s) => s.id);

describe("the search index, as the sync keeps it", () => {
  it("finds a synced scene by a fragment of its path and by its performer's name", async () => {
    const scene = sim.library.scene(7)!;
    const folder = scene.files[0]!.path.split("/").slice(2, 4).join("/");

    expect(await ids(`${folder}/`)).toContain("7");
    expect(await ids(scene.performers[0]!.name)).toContain("7");
    for (const id of await ids(`${folder}/`)) {
      expect(sim.library.scene(Number(id))!.files.some((f) => f.path.includes(`${folder}/`))).toBe(
        true,
      );
    }
  });

  it("follows an edited title and a renamed performer on the next incremental sync", async () => {
    const scene = sim.library.scene(9)!;
    const performerId = Number(scene.performers[0]!.id);
    sim.updateScene(9, { title: "Quartz Lagoon" });
    sim.updatePerformer(performerId, { name: "Zephyrine Okonkwo" });

    await syncNow(sim, { type: "incremental" });

    expect(await ids("quartz lag")).toEqual(["9"]);
    expect(await ids(scene.title!)).not.toContain("9");
    expect(await ids("zephyrine")).toContain("9");
  });
});
