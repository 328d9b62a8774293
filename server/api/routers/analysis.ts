import { z } from "zod";
import { cancelAnalysisPlan, startAnalysisPlan } from "../../analysis/analysis-plan-runner";
import { applyAnalysisPlan } from "../../analysis/apply-analysis-plan";
import { ApplyPlanInput, ApplyPlanResult } from "../../analysis/apply-schema";
import { countBulkReview } from "../../analysis/bulk-review-scope";
import { createAnalysisPlan } from "../../analysis/create-analysis-plan";
import { listAnalysisPlans, ListPlansInput, PlansPage } from "../../analysis/list-analysis-plans";
import { CreatePlanInput, PlanIdInput, PlanView } from "../../analysis/plan-schema";
import { readAnalysisPlan } from "../../analysis/read-analysis-plan";
import { PlanChangeCounts, readPlanChangeCounts } from "../../analysis/read-plan-change-counts";
import { readPlanChanges, readScenePendingChanges } from "../../analysis/read-plan-changes";
import { reviewChange, reviewPlanChanges } from "../../analysis/review-changes";
import {
  BulkReviewCount,
  BulkReviewInput,
  BulkReviewScope,
  ChangeView,
  PlanChangesInput,
  PlanChangesPage,
  ReviewChangeInput,
  SceneProposalsInput,
} from "../../analysis/review-schema";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** Analysis plans: proposals of metadata found in the mirror, their review, and applying them. */
export const analysisRouter = createTRPCRouter({
  /** Records a draft plan (name, analyzers, scope); `run` starts it. */
  create: protectedProcedure
    .input(CreatePlanInput)
    .output(PlanView)
    .mutation(({ input }) => createAnalysisPlan(input)),

  /** Starts a draft plan in the background; answers once it is running. 409 PLAN_ALREADY_RUN. */
  run: protectedProcedure
    .input(PlanIdInput)
    .output(PlanView)
    .mutation(async ({ input }) => {
      await startAnalysisPlan(input);
      return readAnalysisPlan(input);
    }),

  cancel: protectedProcedure
    .input(PlanIdInput)
    .output(z.object({ cancelled: z.boolean() }))
    .mutation(async ({ input }) => ({ cancelled: await cancelAnalysisPlan(input) })),

  /** Plans, newest first, with status and progress. */
  list: protectedProcedure
    .input(ListPlansInput)
    .output(PlansPage)
    .query(({ input }) => listAnalysisPlans(input)),

  get: protectedProcedure
    .input(PlanIdInput)
    .output(PlanView)
    .query(({ input }) => readAnalysisPlan(input)),

  /** A page of a plan's scenes with their changes, filtered by field, status and confidence. */
  changes: protectedProcedure
    .input(PlanChangesInput)
    .output(PlanChangesPage)
    .query(({ input }) => readPlanChanges(input)),

  /** How many of a plan's changes are in each status. */
  changeCounts: protectedProcedure
    .input(PlanIdInput)
    .output(PlanChangeCounts)
    .query(({ input }) => readPlanChangeCounts(input)),

  /** A scene's pending proposals from every plan. */
  sceneProposals: protectedProcedure
    .input(SceneProposalsInput)
    .output(z.array(ChangeView))
    .query(({ input }) => readScenePendingChanges(input)),

  /** Approves or rejects one change. 409 CHANGE_SETTLED once it was applied or failed. */
  review: protectedProcedure
    .input(ReviewChangeInput)
    .output(ChangeView)
    .mutation(({ input }) => reviewChange(input)),

  /** How many pending changes a bulk review with these filters would take, of all pending. */
  bulkReviewCount: protectedProcedure
    .input(BulkReviewScope)
    .output(BulkReviewCount)
    .query(({ input }) => countBulkReview(input)),

  /** Approves or rejects a plan's pending changes: all, of one field, or at or above a confidence. */
  bulkReview: protectedProcedure
    .input(BulkReviewInput)
    .output(z.object({ count: z.number().int() }))
    .mutation(({ input }) => reviewPlanChanges(input)),

  /**
   * (`apply` is a name tRPC keeps for itself.) Writes the plan's approved changes to Stash (one sceneUpdate per scene), then one specific
   * sync records them. Errors: 403 WRITES_DISABLED, 404, 409 PLAN_APPLYING (this plan is being
   * applied already), 409 SYNC_ALREADY_RUNNING, 502/503 when Stash fails before any write; a
   * change Stash refuses ends failed with its reason.
   */
  applyPlan: protectedProcedure
    .input(ApplyPlanInput)
    .output(ApplyPlanResult)
    .mutation(({ input, ctx }) =>
      applyAnalysisPlan(input, { credential: ctx.credential, door: "trpc" }),
    ),
});
