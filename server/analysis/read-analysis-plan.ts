import { db } from "../db/client";
import { AppError } from "../errors";
import { PlanIdInput, type PlanView } from "./plan-schema";
import { toPlanView } from "./plan-view";

/** One plan with its progress; NOT_FOUND when there is none. */
export async function readAnalysisPlan(input: PlanIdInput): Promise<PlanView> {
  const { planId } = PlanIdInput.parse(input);
  const row = await db().analysisPlan.findUnique({ where: { id: planId } });
  if (!row) throw new AppError("NOT_FOUND", `Analysis plan ${planId} does not exist.`);
  return toPlanView(row);
}
