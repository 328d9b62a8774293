/** A plan over scenes whose only facts are in their paths, as the apply tests start from. */
import type { StashSim } from "../../../stash-sim";
import { runAnalysisPlan } from "../../../server/analysis/analysis-plan-runner";
import { createAnalysisPlan } from "../../../server/analysis/create-analysis-plan";
import { db } from "../../../server/db/client";
import { syncNow } from "../../helpers/sync-run";

/** Empties a scene in Stash but for a path naming a performer, a studio and a date. */
export async function plantPathFacts(
  sim: StashSim,
  sceneId: number,
  performerId: string,
  nthStudio: number,
) {
  const performer = await db().performer.findUniqueOrThrow({ where: { id: performerId } });
  const studio = await db().studio.findFirstOrThrow({ orderBy: { id: "asc" }, skip: nthStudio });
  sim.updateScene(sceneId, {
    title: null,
    date: null,
    studio_id: null,
    performer_ids: [],
    file: { path: `/data/${studio.name}/2023.05.06 - ${performer.name}.mp4` },
  });
  return { performer, studio };
}

/** Syncs what Stash has now, then runs a plan over these scenes; its id. */
export async function planOver(sim: StashSim, sceneIds: string[]): Promise<number> {
  await syncNow(sim, { type: "incremental" });
  const plan = await createAnalysisPlan({
    name: "From paths",
    analyzers: ["performers", "studio", "date", "title"],
    scope: { kind: "selection", sceneIds },
  });
  await runAnalysisPlan({ planId: plan.id });
  return plan.id;
}

/** The sceneUpdate requests Stash has been sent. */
export const sceneUpdates = (sim: StashSim) =>
  sim.requests().filter((r) => typeof r.query === "string" && r.query.includes("sceneUpdate"));
