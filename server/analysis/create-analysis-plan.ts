import { db } from "../db/client";
import { CreatePlanInput, type PlanView } from "./plan-schema";
import { toPlanView } from "./plan-view";

/** Records a plan as a draft: named, with its analyzers and scope, ready to run once. */
export async function createAnalysisPlan(input: CreatePlanInput): Promise<PlanView> {
  const plan = CreatePlanInput.parse(input);
  const row = await db().analysisPlan.create({
    data: {
      name: plan.name,
      description: plan.description ?? null,
      analyzers: JSON.stringify(plan.analyzers),
      scope: JSON.stringify(plan.scope),
    },
  });
  return toPlanView(row);
}
