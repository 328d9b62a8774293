import { describe, expect, it } from "vitest";
import { runAnalysisPlan } from "../../server/analysis/analysis-plan-runner";
import { createAnalysisPlan } from "../../server/analysis/create-analysis-plan";
import { db } from "../../server/db/client";
import { withStashSim } from "../helpers/stash-sim";
import { syncNow } from "../helpers/sync-run";

// Paths name performers as written, run together, lower-cased without accents, or by alias.
const sim = withStashSim({
  scenes: 400,
  seed: 8,
  performers: 90,
  tags: 20,
  studios: 9,
  plantFacts: true,
});

describe("a plan over a library whose paths hold planted facts", () => {
  it("proposes every planted performer, studio and date, and nothing else for them", async () => {
    const scene = sim.scene(1)!;
    expect(scene.performers).toEqual([]);
    expect(scene.studio).toBeNull();
    await syncNow(sim, { type: "full" });
    const plan = await createAnalysisPlan({
      name: "Planted",
      analyzers: ["performers", "studio", "tags", "date", "title", "details"],
      scope: { kind: "library" },
    });
    expect(await runAnalysisPlan({ planId: plan.id })).toMatchObject({ status: "completed" });

    const changes = await db().analysisChange.findMany({
      where: { planId: plan.id, field: { in: ["performers", "studio", "date"] } },
      include: { result: { select: { sceneId: true } } },
    });
    const proposed = changes
      .map((c) => {
        const value = JSON.parse(c.proposed) as string | { id: string };
        return `${c.result.sceneId} ${c.field} ${typeof value === "string" ? value : value.id}`;
      })
      .sort();
    const planted: string[] = [];
    let aliases = 0;
    for (let id = 1; id <= 400; id++) {
      const facts = sim.library.plantedFacts(id)!;
      const path = sim.scene(id)!.files[0]!.path;
      for (const performer of facts.performerIds) {
        planted.push(`${id} performers ${performer}`);
        const alias = sim.library.performers.get(Number(performer))!.alias_list[0];
        if (alias && path.includes(alias)) aliases++;
      }
      if (facts.studioId) planted.push(`${id} studio ${facts.studioId}`);
      if (facts.date) planted.push(`${id} date ${facts.date}`);
    }
    expect(planted.length).toBeGreaterThan(600);
    expect(aliases).toBeGreaterThan(0);
    expect(proposed).toEqual(planted.sort());
  });

  it("keeps what was planted when a scene is edited, and an edit's performers win", async () => {
    const before = sim.library.plantedFacts(5)!;
    sim.updateScene(5, { performer_ids: ["1"], title: "Edited" });
    expect(sim.library.plantedFacts(5)).toEqual(before);
    expect(sim.scene(5)!.performers.map((p) => p.id)).toEqual(["1"]);
    expect(sim.library.plantedFacts(401)).toBeNull();
  });
});
