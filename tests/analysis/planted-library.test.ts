import { describe, expect, it } from "vitest";
import { runAnalysisPlan } from "../../server/analysis/analysis-plan-runner";
import { createAnalysisPlan } from "../../server/analysis/create-analysis-plan";
import { db } from "../../server/db/client";
import { COMMON_WORD_NAMES } from "../../stash-sim/planted-facts";
import { withStashSim } from "../helpers/stash-sim";
import { syncNow } from "../helpers/sync-run";

// Paths name performers as written, run together, lower-cased without accents, or by alias;
// performers 40 and 80 have one-word names that are words, which some titles also start with.
const sim = withStashSim({
  scenes: 400,
  seed: 8,
  performers: 90,
  tags: 20,
  studios: 9,
  plantFacts: true,
});

describe("a plan over a library whose paths hold planted facts", () => {
  it("proposes every planted performer, studio and date, and below 0.95 whatever it gets wrong", async () => {
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
    const proposed = new Map(
      changes.map((c) => {
        const value = JSON.parse(c.proposed) as string | { id: string };
        const key = `${c.result.sceneId} ${c.field} ${typeof value === "string" ? value : value.id}`;
        return [key, c.confidence];
      }),
    );
    const planted = new Set<string>();
    let aliases = 0;
    let decoyTitles = 0;
    for (let id = 1; id <= 400; id++) {
      const facts = sim.library.plantedFacts(id)!;
      const { path } = sim.scene(id)!.files[0]!;
      for (const performer of facts.performerIds) {
        planted.add(`${id} performers ${performer}`);
        const alias = sim.library.performers.get(Number(performer))!.alias_list[0];
        if (alias && path.includes(alias)) aliases++;
      }
      if (facts.studioId) planted.add(`${id} studio ${facts.studioId}`);
      if (facts.date) planted.add(`${id} date ${facts.date}`);
      const firstWord = sim.scene(id)!.title?.split(" ")[0];
      if (firstWord && COMMON_WORD_NAMES.includes(firstWord)) decoyTitles++;
    }
    expect(planted.size).toBeGreaterThan(600);
    expect(aliases).toBeGreaterThan(0);
    expect(decoyTitles).toBeGreaterThan(0);

    // Every planted fact is proposed.
    expect([...planted].filter((fact) => !proposed.has(fact))).toEqual([]);
    // What is wrong is a one-word performer name read from an ordinary word, and held below
    // 0.95, so a bulk approve at 0.95 writes none of it.
    const wrong = [...proposed].filter(([fact]) => !planted.has(fact));
    expect(wrong.length).toBeGreaterThan(0);
    for (const [fact, confidence] of wrong) {
      const [, field, id] = fact.split(" ");
      expect([fact, field, confidence < 0.95]).toEqual([fact, "performers", true]);
      expect(COMMON_WORD_NAMES).toContain(sim.library.performers.get(Number(id))!.name);
    }
  });

  it("keeps what was planted when a scene is edited, and an edit's performers win", async () => {
    const before = sim.library.plantedFacts(5)!;
    sim.updateScene(5, { performer_ids: ["1"], title: "Edited" });
    expect(sim.library.plantedFacts(5)).toEqual(before);
    expect(sim.scene(5)!.performers.map((p) => p.id)).toEqual(["1"]);
    expect(sim.library.plantedFacts(401)).toBeNull();
  });
});
