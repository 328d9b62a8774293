import { db } from "../db/client";
import { AppError } from "../errors";
import { cleanHtml } from "./analyzers/clean-html";
import { evidenceTexts } from "./analyzers/scene-under-analysis";
import { toChangeView } from "./change-view";
import { readSceneFacts } from "./read-scene-facts";
import {
  PlanChangesInput,
  SceneProposalsInput,
  type ChangeView,
  type PlanChangesPage,
} from "./review-schema";

/**
 * One page of a plan's scenes that have changes matching the filters (field, status, confidence
 * at or above), each with those changes: the plan page's review list.
 */
export async function readPlanChanges(input: PlanChangesInput): Promise<PlanChangesPage> {
  const query = PlanChangesInput.parse(input);
  const plan = await db().analysisPlan.findUnique({ where: { id: query.planId } });
  if (!plan) throw new AppError("NOT_FOUND", `Analysis plan ${query.planId} does not exist.`);
  const changeWhere = {
    planId: query.planId,
    ...(query.field ? { field: query.field } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.minConfidence !== undefined ? { confidence: { gte: query.minConfidence } } : {}),
  };
  const resultWhere = { planId: query.planId, changes: { some: changeWhere } };
  const [total, results] = await Promise.all([
    db().analysisResult.count({ where: resultWhere }),
    db().analysisResult.findMany({
      where: resultWhere,
      orderBy: { id: "asc" },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        sceneId: true,
        scene: { select: { title: true } },
        changes: {
          where: changeWhere,
          orderBy: [{ field: "asc" }, { confidence: "desc" }, { id: "asc" }],
        },
      },
    }),
  ]);
  const facts = new Map(
    (await readSceneFacts(results.map((r) => r.sceneId))).map((f) => [f.id, f]),
  );
  const textsOf = (sceneId: string) => {
    const scene = facts.get(sceneId);
    if (!scene) return [];
    return evidenceTexts(scene, scene.details === null ? null : cleanHtml(scene.details));
  };
  return {
    scenes: results.map((result) => ({
      sceneId: result.sceneId,
      title: result.scene.title,
      texts: textsOf(result.sceneId),
      changes: result.changes.map((change) => toChangeView({ ...change, result })),
    })),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}

/** A scene's pending proposals from every plan, newest plan first: for the scene's page. */
export async function readScenePendingChanges(input: SceneProposalsInput): Promise<ChangeView[]> {
  const { sceneId } = SceneProposalsInput.parse(input);
  const rows = await db().analysisChange.findMany({
    where: { status: "pending", result: { sceneId } },
    orderBy: [{ planId: "desc" }, { field: "asc" }, { id: "asc" }],
    include: { result: { select: { sceneId: true } } },
  });
  return rows.map(toChangeView);
}
