"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { cancelAnalysisPlan, startAnalysisPlan } from "@/server/analysis/analysis-plan-runner";
import { applyAnalysisPlan } from "@/server/analysis/apply-analysis-plan";
import type { ApplyPlanResult } from "@/server/analysis/apply-schema";
import { createAnalysisPlan } from "@/server/analysis/create-analysis-plan";
import type { CreatePlanInput, PlanView } from "@/server/analysis/plan-schema";
import { reviewChange, reviewPlanChanges } from "@/server/analysis/review-changes";
import type {
  BulkReviewInput,
  ChangeView,
  ReviewChangeInput,
} from "@/server/analysis/review-schema";
import { authorizeRequest } from "@/server/auth/authorize-request";
import { bulkReviewFieldLabel, createPlanFieldLabel } from "@/server/domain/labels";
import { runAction, type ActionResult } from "./run-action";
import { runSyncAction } from "./run-sync-action";

/** Re-renders the Plans pages and the scene pages that show proposals. */
async function runPlanAction<T>(
  work: () => Promise<T>,
  fieldNames?: Record<string, string>,
): Promise<ActionResult<T>> {
  const result = await runAction(work, { fieldNames });
  revalidatePath("/plans", "layout");
  revalidatePath("/scenes", "layout");
  return result;
}

/** "Analyze" on the scene list or a scene's page: records the plan and starts it at once. */
export async function createAndRunPlanAction(
  input: CreatePlanInput,
): Promise<ActionResult<PlanView>> {
  return runPlanAction(async () => {
    const plan = await createAnalysisPlan(input);
    await startAnalysisPlan({ planId: plan.id });
    return plan;
  }, createPlanFieldLabel);
}

export async function cancelPlanAction(
  planId: number,
): Promise<ActionResult<{ cancelled: boolean }>> {
  return runPlanAction(async () => ({ cancelled: await cancelAnalysisPlan({ planId }) }));
}

export async function reviewChangeAction(
  input: ReviewChangeInput,
): Promise<ActionResult<ChangeView>> {
  return runPlanAction(() => reviewChange(input));
}

export async function bulkReviewAction(
  input: BulkReviewInput,
): Promise<ActionResult<{ count: number }>> {
  return runPlanAction(() => reviewPlanChanges(input), bulkReviewFieldLabel);
}

/** "Apply" on a plan's page: its sync re-renders every page, as a sync action's. */
export async function applyPlanAction(planId: number): Promise<ActionResult<ApplyPlanResult>> {
  return runSyncAction(async () => {
    const { credential } = authorizeRequest(await headers());
    return applyAnalysisPlan({ planId }, { credential, door: "page" });
  });
}
