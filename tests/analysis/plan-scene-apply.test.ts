import { describe, expect, it } from "vitest";
import { planSceneApply, type ApprovedChange } from "../../server/analysis/plan-scene-apply";
import type { StashScene } from "../../server/stash/types";

const scene: StashScene = {
  id: "5",
  title: null,
  code: null,
  details: "<p>Old</p>",
  director: null,
  urls: [],
  date: "",
  rating100: null,
  organized: false,
  oCounter: 0,
  createdAt: "2024-01-01T00:00:00Z",
  updatedAt: "2024-01-01T00:00:00Z",
  studio: null,
  performers: [{ id: "1", name: "Ann" }],
  tags: [],
  groups: [],
  files: [],
};

let nextId = 1;
const change = (c: Omit<ApprovedChange, "id" | "confidence"> & { confidence?: number }) => ({
  id: nextId++,
  confidence: 1,
  ...c,
});

describe("planning one scene's apply", () => {
  it("carries every approved change in one write, links added to the ones Stash has", () => {
    const changes = [
      change({ field: "title", action: "set", current: null, proposed: "Found" }),
      change({ field: "date", action: "set", current: null, proposed: "2024-01-31" }),
      change({ field: "details", action: "set", current: "<p>Old</p>", proposed: "Old" }),
      change({ field: "studio", action: "set", current: null, proposed: { id: "9", name: "S" } }),
      change({
        field: "performers",
        action: "add",
        current: null,
        proposed: { id: "2", name: "Bo" },
      }),
      change({
        field: "performers",
        action: "add",
        current: null,
        proposed: { id: "3", name: "Cy" },
      }),
      change({ field: "tags", action: "add", current: null, proposed: { id: "7", name: "T" } }),
    ];
    const plan = planSceneApply(scene, changes);
    expect(plan.failed).toEqual([]);
    expect(plan.written.sort()).toEqual(changes.map((c) => c.id).sort());
    expect(plan.write).toEqual({
      title: "Found",
      date: "2024-01-31",
      details: "Old",
      studioId: "9",
      performerIds: ["1", "2", "3"],
      tagIds: ["7"],
    });
  });

  it("refuses a change whose current value Stash no longer holds, and writes the rest", () => {
    const stale = change({ field: "details", action: "set", current: "Other", proposed: "New" });
    const linked = change({
      field: "performers",
      action: "add",
      current: null,
      proposed: { id: "1", name: "Ann" },
    });
    const fine = change({ field: "title", action: "set", current: "", proposed: "T" });
    const plan = planSceneApply(scene, [stale, linked, fine]);
    expect(plan.write).toEqual({ title: "T" });
    expect(plan.written).toEqual([fine.id]);
    expect(plan.failed).toEqual([
      {
        id: stale.id,
        reason: "Conflict: Stash now has details “<p>Old</p>”; the plan saw “Other”.",
      },
      { id: linked.id, reason: "Conflict: Stash already links performer “Ann” to this scene." },
    ]);
  });

  it("applies the most confident of two changes of one field; the other fails", () => {
    const low = change({
      field: "date",
      action: "set",
      current: null,
      proposed: "2020",
      confidence: 0.6,
    });
    const high = change({
      field: "date",
      action: "set",
      current: null,
      proposed: "2021-02-03",
      confidence: 0.9,
    });
    const plan = planSceneApply(scene, [low, high]);
    expect(plan.write).toEqual({ date: "2021-02-03" });
    expect(plan.failed).toEqual([
      {
        id: low.id,
        reason: `Another approved date change (#${high.id}) of this scene was applied instead.`,
      },
    ]);
  });

  it("removes a link Stash still has, and refuses to remove one it no longer has", () => {
    const remove = change({
      field: "performers",
      action: "remove",
      current: { id: "1", name: "Ann" },
      proposed: null,
    });
    const gone = change({
      field: "tags",
      action: "remove",
      current: { id: "4", name: "X" },
      proposed: null,
    });
    const plan = planSceneApply(scene, [remove, gone]);
    expect(plan.write).toEqual({ performerIds: [] });
    expect(plan.failed).toEqual([
      { id: gone.id, reason: "Conflict: Stash no longer links tag “X” to this scene." },
    ]);
  });
});
