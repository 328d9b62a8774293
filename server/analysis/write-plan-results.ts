import { bulkWriter } from "../db/bulk-writer";
import { insertRows, withValues, type SqlValue } from "../db/sql-dialect";
import type { Proposal } from "./analyzers/analyzer-types";

export interface SceneProposals {
  sceneId: string;
  proposals: Proposal[];
}

const changeColumns = [
  "scene_id",
  "field",
  "action",
  "current",
  "proposed",
  "confidence",
  "evidence",
];

/**
 * Records one batch of scenes' proposals in one transaction: a result per scene (its timeline
 * entry) and a pending change per proposal, each change joined to its result by (plan, scene).
 * Written through the bulk writer: Prisma's createMany cost most of a plan's time. The list's
 * values reach PostgreSQL as text, hence the cast of the one number.
 */
export async function writePlanResults(
  planId: number,
  scenes: readonly SceneProposals[],
): Promise<void> {
  if (scenes.length === 0) return;
  const createdAt = new Date();
  const changes: SqlValue[][] = scenes.flatMap((scene) =>
    scene.proposals.map((proposal) => [
      scene.sceneId,
      proposal.field,
      proposal.action,
      proposal.current === null ? null : JSON.stringify(proposal.current),
      JSON.stringify(proposal.proposed),
      proposal.confidence,
      JSON.stringify(proposal.evidence),
    ]),
  );
  const id = Math.trunc(planId);
  await bulkWriter().write([
    ...insertRows(
      "analysis_result",
      ["plan_id", "scene_id", "created_at"],
      scenes.map((scene) => [id, scene.sceneId, createdAt]),
    ),
    ...withValues(
      "proposal",
      changeColumns,
      changes,
      // A lookup per proposal, not a join: with a join SQLite's planner walked every result of
      // the plan for each batch (its plan_id equality looks selective), which made a plan
      // quadratic in its size.
      `INSERT INTO "analysis_change" ("result_id", "plan_id", "field", "action", "current",
         "proposed", "confidence", "evidence")
       SELECT (SELECT "r"."id" FROM "analysis_result" AS "r"
           WHERE "r"."plan_id" = ${id} AND "r"."scene_id" = "p"."scene_id"),
         ${id}, "p"."field", "p"."action", "p"."current", "p"."proposed",
         CAST("p"."confidence" AS DOUBLE PRECISION), "p"."evidence"
       FROM "proposal" AS "p"`,
    ),
  ]);
}
