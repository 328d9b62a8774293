import { toChangeView } from "../analysis/change-view";
import { db } from "../db/client";
import { AppError } from "../errors";
import { SceneTimelineInput, type SceneTimelineSources } from "./scene-timeline-schema";

/** Analyses are few per scene; the bound only keeps a runaway plan from flooding the tab. */
const MAX_ANALYSES = 500;

/** What a scene's timeline shows besides its sync logs. */
export async function readSceneTimelineSources(
  input: SceneTimelineInput,
): Promise<SceneTimelineSources> {
  const { sceneId } = SceneTimelineInput.parse(input);
  const scene = await db().scene.findUnique({
    where: { id: sceneId },
    select: {
      stashCreatedAt: true,
      _count: { select: { analysisResults: true } },
      analysisResults: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: MAX_ANALYSES,
        select: {
          id: true,
          sceneId: true,
          createdAt: true,
          plan: { select: { id: true, name: true } },
          changes: { orderBy: [{ field: "asc" }, { confidence: "desc" }, { id: "asc" }] },
        },
      },
    },
  });
  if (!scene) throw new AppError("NOT_FOUND", `Scene ${sceneId} is not in the library.`);
  const total = scene._count.analysisResults;
  return {
    stashCreatedAt: scene.stashCreatedAt,
    analyses: scene.analysisResults.map((result, index) => ({
      id: result.id,
      number: total - index,
      planId: result.plan.id,
      planName: result.plan.name,
      createdAt: result.createdAt,
      changes: result.changes.map((change) => toChangeView({ ...change, result })),
    })),
  };
}
