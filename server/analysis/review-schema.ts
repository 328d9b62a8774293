import { z } from "zod";
import { AnalysisField, ChangeAction, ProposalStatus, StashId } from "../domain/vocabulary";
import { textSources } from "./analyzers/analyzer-types";

const EntityRef = z.object({ id: z.string(), name: z.string() });
const Value = z.union([z.string(), EntityRef]).nullable();

export const EvidenceView = z.object({
  source: z.enum(textSources),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});

/** One proposed change as a reviewer sees it. */
export const ChangeView = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  sceneId: z.string(),
  field: AnalysisField,
  action: ChangeAction,
  current: Value,
  proposed: Value,
  confidence: z.number(),
  evidence: z.array(EvidenceView),
  status: ProposalStatus,
  failureReason: z.string().nullable(),
  reviewedAt: z.date().nullable(),
  /** When it was written to Stash, and the specific sync that recorded it (job, History row). */
  appliedAt: z.date().nullable(),
  appliedJobId: z.string().nullable(),
  appliedLogId: z.number().int().nullable(),
});
export type ChangeView = z.infer<typeof ChangeView>;

export const ReviewDecision = z.enum(["approve", "reject"]);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export const ReviewChangeInput = z.object({
  changeId: z.number().int().positive(),
  decision: ReviewDecision,
});
export type ReviewChangeInput = z.infer<typeof ReviewChangeInput>;

/** Which of a plan's pending changes a bulk decision takes: all, or those of a field, or those at or above a confidence. */
export const BulkReviewScope = z.object({
  planId: z.number().int().positive(),
  field: AnalysisField.optional(),
  minConfidence: z.number().min(0).max(1).optional(),
});
export type BulkReviewScope = z.infer<typeof BulkReviewScope>;

export const BulkReviewInput = BulkReviewScope.extend({ decision: ReviewDecision });
export type BulkReviewInput = z.infer<typeof BulkReviewInput>;

/** What a bulk decision would take now: the pending changes it matches, of all pending. */
export const BulkReviewCount = z.object({
  matching: z.number().int(),
  pending: z.number().int(),
});
export type BulkReviewCount = z.infer<typeof BulkReviewCount>;

export const PLAN_CHANGES_PAGE_SIZE = 50;

/** A page of a plan's scenes with proposals, each with its changes, filtered. */
export const PlanChangesInput = z.object({
  planId: z.number().int().positive(),
  field: AnalysisField.optional(),
  status: ProposalStatus.optional(),
  minConfidence: z.number().min(0).max(1).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(PLAN_CHANGES_PAGE_SIZE),
});
export type PlanChangesInput = z.input<typeof PlanChangesInput>;

export const PlanChangesPage = z.object({
  scenes: z.array(
    z.object({
      sceneId: z.string(),
      title: z.string().nullable(),
      /** The scene's texts as the mirror holds them now, by source: the evidence's context. */
      texts: z.array(z.object({ source: EvidenceView.shape.source, text: z.string() })),
      changes: z.array(ChangeView),
    }),
  ),
  /** Scenes with at least one change matching the filters. */
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
});
export type PlanChangesPage = z.infer<typeof PlanChangesPage>;

export const SceneProposalsInput = z.object({ sceneId: StashId });
export type SceneProposalsInput = z.infer<typeof SceneProposalsInput>;
