import { db } from "../db/client";
import { measureDatabaseClock } from "../db/database-clock";
import { AppError } from "../errors";
import { PlanIdInput, type PlanView } from "./plan-schema";
import { toPlanView } from "./plan-view";

/** One plan with its progress; NOT_FOUND when there is none. */
export async function readAnalysisPlan(input: PlanIdInput): Promise<PlanView> {
  const { planId } = PlanIdInput.parse(input);
  // The database's clock judges whether an apply's claim is live (applyClaimLive).
  const [row] = await Promise.all([
    db().analysisPlan.findUnique({ where: { id: planId } }),
    measureDatabaseClock(db()),
  ]);
  if (!row) throw new AppError("NOT_FOUND", `Analysis plan ${planId} does not exist.`);
  return toPlanView(row);
}
