import { describe, expect, it } from "vitest";
import { runAnalysisPlan } from "../../server/analysis/analysis-plan-runner";
import { createAnalysisPlan } from "../../server/analysis/create-analysis-plan";
import { db } from "../../server/db/client";
import { readSceneTimelineSources } from "../../server/history/read-scene-timeline-sources";
import { withStashSim } from "../helpers/stash-sim";
import { syncNow } from "../helpers/sync-run";

const sim = withStashSim({ scenes: 40, seed: 5 });

describe("a plan over a mirror synced from Stash", () => {
  it("proposes the performer, date and title a file's path holds, and the timeline shows it", async () => {
    await syncNow(sim, { type: "full" });
    const performer = await db().performer.findUniqueOrThrow({ where: { id: "3" } });
    sim.updateScene(7, {
      title: null,
      date: null,
      performer_ids: [],
      file: { path: `/data/library/${performer.name}/2023.05.06 - ${performer.name}.mp4` },
    });
    await syncNow(sim, { type: "incremental" });

    const plan = await createAnalysisPlan({
      name: "From paths",
      analyzers: ["performers", "date", "title"],
      scope: { kind: "selection", sceneIds: ["7", "8"] },
    });
    const ended = await runAnalysisPlan({ planId: plan.id });

    expect(ended).toMatchObject({ status: "completed", progress: { done: 2, total: 2 } });
    const changes = await db().analysisChange.findMany({
      where: { planId: plan.id, result: { sceneId: "7" } },
      orderBy: { field: "asc" },
    });
    expect(
      changes.map((c) => [c.field, c.action, JSON.parse(c.proposed) as unknown, c.confidence]),
    ).toEqual([
      ["date", "set", "2023-05-06", 0.9],
      ["performers", "add", { id: "3", name: performer.name }, 1],
      ["title", "set", performer.name, 0.7],
    ]);
    expect((JSON.parse(changes[1]!.evidence) as { source: string }[]).map((e) => e.source)).toEqual(
      ["path", "filename"],
    );
    expect((await readSceneTimelineSources({ sceneId: "7" })).analyses).toMatchObject([
      { number: 1, planName: "From paths" },
    ]);
  });

  it("mirrors Stash's aliases, and finds a performer and a studio by them", async () => {
    sim.updatePerformer(5, { alias_list: ["Zuleika Quarrington"] });
    sim.updateStudio(2, { aliases: ["Quorn Pictures"] });
    sim.updateScene(9, {
      performer_ids: [],
      studio_id: null,
      file: { path: "/data/Quorn Pictures/zuleika quarrington at home.mp4" },
    });
    await syncNow(sim, { type: "full" });
    expect((await db().performer.findUniqueOrThrow({ where: { id: "5" } })).aliases).toBe(
      '["Zuleika Quarrington"]',
    );
    expect((await db().studio.findUniqueOrThrow({ where: { id: "2" } })).aliases).toBe(
      '["Quorn Pictures"]',
    );

    const plan = await createAnalysisPlan({
      name: "By alias",
      analyzers: ["performers", "studio"],
      scope: { kind: "selection", sceneIds: ["9"] },
    });
    await runAnalysisPlan({ planId: plan.id });
    const changes = await db().analysisChange.findMany({
      where: { planId: plan.id },
      orderBy: { field: "asc" },
    });
    expect(changes.map((c) => [c.field, (JSON.parse(c.proposed) as { id: string }).id])).toEqual([
      ["performers", "5"],
      ["studio", "2"],
    ]);
    expect(changes.every((c) => c.confidence === 0.95)).toBe(true);
  });
});
