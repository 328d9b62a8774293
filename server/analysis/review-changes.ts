import { db } from "../db/client";
import type { ProposalStatus } from "../domain/vocabulary";
import { AppError } from "../errors";
import { pendingChangesIn } from "./bulk-review-scope";
import { toChangeView } from "./change-view";
import {
  BulkReviewInput,
  ReviewChangeInput,
  type ChangeView,
  type ReviewDecision,
} from "./review-schema";

const statusOf: Record<ReviewDecision, ProposalStatus> = {
  approve: "approved",
  reject: "rejected",
};

/** A person may change their mind until a change is applied; then its outcome is history. */
const reviewable: ProposalStatus[] = ["pending", "approved", "rejected"];

/** Approves or rejects one change. Refuses a change already applied or failed (CHANGE_SETTLED). */
export async function reviewChange(input: ReviewChangeInput): Promise<ChangeView> {
  const { changeId, decision } = ReviewChangeInput.parse(input);
  const { count } = await db().analysisChange.updateMany({
    where: { id: changeId, status: { in: reviewable } },
    data: { status: statusOf[decision], reviewedAt: new Date() },
  });
  const row = await db().analysisChange.findUnique({
    where: { id: changeId },
    include: { result: { select: { sceneId: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", `Proposed change ${changeId} does not exist.`);
  if (count === 0) {
    throw new AppError(
      "CHANGE_SETTLED",
      `Proposed change ${changeId} was ${row.status === "applied" ? "applied" : "tried and failed"} already; it can no longer be reviewed.`,
      { changeId, status: row.status },
    );
  }
  return toChangeView(row);
}

/**
 * Approves or rejects a plan's pending changes at once: all of them, or those of one field, or
 * those at or above a confidence (both together narrow further). Changes a person already
 * decided on are left as they are. Returns how many changed.
 */
export async function reviewPlanChanges(input: BulkReviewInput): Promise<{ count: number }> {
  const { planId, decision, field, minConfidence } = BulkReviewInput.parse(input);
  if (!(await db().analysisPlan.findUnique({ where: { id: planId }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", `Analysis plan ${planId} does not exist.`);
  }
  return db().analysisChange.updateMany({
    where: pendingChangesIn({ planId, field, minConfidence }),
    data: { status: statusOf[decision], reviewedAt: new Date() },
  });
}
