/**
 * Which apply, if any, is writing a plan to Stash now: a claim on its analysis_plan row, taken
 * by one guarded UPDATE so that of two applies of the same plan exactly one goes ahead. The
 * claim beats while the apply runs; one that stopped beating belongs to a process that died.
 * Beats are written and judged by the database's clock, which every machine shares.
 */
import type { Db } from "../db/client";
import { databaseNow, measureDatabaseClock } from "../db/database-clock";
import { AppError } from "../errors";

/** A claim whose heartbeat is older than this belongs to a process that died. */
export const APPLY_HEARTBEAT_STALE_MS = 60_000;

const staleBefore = (now: Date) => new Date(now.getTime() - APPLY_HEARTBEAT_STALE_MS);

/** Whether a plan row's claim belongs to a live apply. */
export function applyClaimLive(
  plan: { applyingJobId: string | null; applyingAt: Date | null },
  now = databaseNow(),
): boolean {
  return (
    plan.applyingJobId !== null && plan.applyingAt !== null && plan.applyingAt >= staleBefore(now)
  );
}

/**
 * Claims the plan for the apply `jobId`, taking over a dead apply's claim. Refuses an unknown
 * plan (NOT_FOUND) or one another apply is writing now (PLAN_APPLYING).
 */
export async function claimPlanApply(db: Db, planId: number, jobId: string): Promise<void> {
  const now = await measureDatabaseClock(db);
  const { count } = await db.analysisPlan.updateMany({
    where: {
      id: planId,
      OR: [{ applyingJobId: null }, { applyingAt: null }, { applyingAt: { lt: staleBefore(now) } }],
    },
    data: { applyingJobId: jobId, applyingAt: now },
  });
  if (count === 1) return;
  if (!(await db.analysisPlan.findUnique({ where: { id: planId }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", `Analysis plan ${planId} does not exist.`);
  }
  throw new AppError(
    "PLAN_APPLYING",
    `Plan #${planId} is already being applied to Stash. Wait for that to finish, then reload the page to see which changes were applied.`,
    { planId },
  );
}

export async function beatPlanApply(db: Db, planId: number, jobId: string): Promise<void> {
  await db.analysisPlan.updateMany({
    where: { id: planId, applyingJobId: jobId },
    data: { applyingAt: databaseNow() },
  });
}

/** Ends the claim of `jobId`; a claim another apply took over meanwhile is left alone. */
export async function releasePlanApply(db: Db, planId: number, jobId: string): Promise<void> {
  await db.analysisPlan.updateMany({
    where: { id: planId, applyingJobId: jobId },
    data: { applyingJobId: null, applyingAt: null },
  });
}

/** On start: ends the claims whose apply stopped beating. Returns their plans' ids. */
export async function recoverInterruptedApplies(db: Db, at?: Date): Promise<number[]> {
  const now = at ?? (await measureDatabaseClock(db));
  const where = { applyingJobId: { not: null }, applyingAt: { lt: staleBefore(now) } };
  const stale = await db.analysisPlan.findMany({ where, select: { id: true } });
  if (stale.length === 0) return [];
  await db.analysisPlan.updateMany({ where, data: { applyingJobId: null, applyingAt: null } });
  return stale.map((plan) => plan.id);
}
