import type { AnalysisChange } from "../../generated/prisma/client";
import { ChangeView } from "./review-schema";

/** A stored change row as a reviewer sees it; stored JSON is validated on the way out. */
export function toChangeView(row: AnalysisChange & { result: { sceneId: string } }): ChangeView {
  return ChangeView.parse({
    id: row.id,
    planId: row.planId,
    sceneId: row.result.sceneId,
    field: row.field,
    action: row.action,
    current: row.current === null ? null : JSON.parse(row.current),
    proposed: JSON.parse(row.proposed),
    confidence: row.confidence,
    evidence: JSON.parse(row.evidence),
    status: row.status,
    failureReason: row.failureReason,
    reviewedAt: row.reviewedAt,
    appliedAt: row.appliedAt,
    appliedJobId: row.appliedJobId,
    appliedLogId: row.appliedLogId,
  });
}
