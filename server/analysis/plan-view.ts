import type { AnalysisPlan } from "../../generated/prisma/client";
import { AnalyzerName, PlanStatus } from "../domain/vocabulary";
import { applyClaimLive } from "./apply-claim";
import { PlanScope, type PlanView } from "./plan-schema";

/** A stored plan row as callers see it; stored JSON is validated on the way out. */
export function toPlanView(row: AnalysisPlan): PlanView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    analyzers: AnalyzerName.array().parse(JSON.parse(row.analyzers)),
    scope: PlanScope.parse(JSON.parse(row.scope)),
    status: PlanStatus.parse(row.status),
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    errorMessage: row.errorMessage,
    progress: { done: row.progressDone, total: row.progressTotal },
    scenesWithChanges: row.scenesWithChanges,
    changesProposed: row.changesProposed,
    applying: applyClaimLive(row),
  };
}
