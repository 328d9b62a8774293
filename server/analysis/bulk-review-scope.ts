import type { Prisma } from "../../generated/prisma/client";
import { db } from "../db/client";
import { BulkReviewScope, type BulkReviewCount } from "./review-schema";

/** The pending changes a bulk decision takes: the one definition its count and its update share. */
export function pendingChangesIn(scope: BulkReviewScope): Prisma.AnalysisChangeWhereInput {
  const { planId, field, minConfidence } = scope;
  return {
    planId,
    status: "pending",
    ...(field ? { field } : {}),
    ...(minConfidence !== undefined ? { confidence: { gte: minConfidence } } : {}),
  };
}

/** How many pending changes a bulk decision would take, of the plan's pending changes. */
export async function countBulkReview(input: BulkReviewScope): Promise<BulkReviewCount> {
  const scope = BulkReviewScope.parse(input);
  const [matching, pending] = await Promise.all([
    db().analysisChange.count({ where: pendingChangesIn(scope) }),
    db().analysisChange.count({ where: { planId: scope.planId, status: "pending" } }),
  ]);
  return { matching, pending };
}
