import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { startStashSim, type StashSim } from "../../stash-sim";
import { expectCountersMatchLogs, logRows, syncNow } from "../helpers/sync-run";

let sim: StashSim;
beforeAll(async () => {
  sim = await startStashSim({ scenes: 40, seed: 3 });
});
afterAll(() => sim.close());

describe("a specific sync", () => {
  it("writes one log row per requested scene, and fails an id Stash does not know", async () => {
    const summary = await syncNow(sim, { type: "specific", sceneIds: ["2", "5", "999999"] });
    expect(summary.status).toBe("completed_with_errors");
    const rows = await logRows(summary.jobId);
    expect(rows.map((r) => [r.entityId, r.changeType, r.syncType])).toEqual(
      expect.arrayContaining([
        ["2", "created", "specific"],
        ["5", "created", "specific"],
        ["999999", "failed", "specific"],
      ]),
    );
    expect(rows).toHaveLength(3);
    expect(
      rows.find((r) => r.entityType === "scene" && r.entityId === "999999")?.errorMessage,
    ).toBe("Scene not found in Stash");
    // Scenes synced alone get their performers, tags and studio too.
    const scene = await db().scene.findUniqueOrThrow({
      where: { id: "2" },
      include: { tags: { include: { tag: true } } },
    });
    expect(scene.tags.map((t) => t.tag.name).sort()).toEqual(
      sim
        .scene(2)!
        .tags.map((t) => t.name)
        .sort(),
    );
    await expectCountersMatchLogs(summary.jobId);
  });

  it("logs an unchanged scene as skipped and a changed one as updated", async () => {
    sim.updateScene(5, { organized: !sim.scene(5)!.organized });
    const summary = await syncNow(sim, { type: "specific", sceneIds: ["2", "5"] });
    expect(summary.status).toBe("completed");
    const rows = await logRows(summary.jobId);
    expect(rows.find((r) => r.entityType === "scene" && r.entityId === "2")?.changeType).toBe(
      "skipped",
    );
    const updated = rows.find((r) => r.entityType === "scene" && r.entityId === "5")!;
    expect(updated.changeType).toBe("updated");
    expect(Object.keys(JSON.parse(updated.changedFields!))).toEqual(["organized"]);
  });
});
