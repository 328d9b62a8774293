/**
 * A plan's run in its analysis_plan row, from start to its one end: every way a run ends
 * (finished, failed, cancelled, interrupted) goes through endPlanRun.
 */
import type { Db } from "../db/client";
import { databaseNow, measureDatabaseClock } from "../db/database-clock";
import type { PlanStatus } from "../domain/vocabulary";
import { AppError } from "../errors";

/**
 * A running plan whose heartbeat is older than this belongs to a process that died. Heartbeats
 * are written and judged by the database's clock, as the sync lock's are: the process judging
 * may run on another machine.
 */
export const PLAN_HEARTBEAT_STALE_MS = 60_000;

export const planInterruptedMessage =
  "The process running this plan stopped before it finished (crash, kill or restart). Proposals recorded before that point are kept.";

/** Marks a draft plan running; refuses a plan that ran already or is unknown. */
export async function openPlanRun(db: Db, planId: number, total: number): Promise<void> {
  const now = await measureDatabaseClock(db);
  const { count } = await db.analysisPlan.updateMany({
    where: { id: planId, status: "draft" },
    data: { status: "running", startedAt: now, heartbeatAt: now, progressTotal: total },
  });
  if (count === 0) throw await notRunnable(db, planId);
}

async function notRunnable(db: Db, planId: number): Promise<AppError> {
  const plan = await db.analysisPlan.findUnique({ where: { id: planId } });
  if (!plan) return new AppError("NOT_FOUND", `Analysis plan ${planId} does not exist.`);
  return new AppError(
    "PLAN_ALREADY_RUN",
    `Analysis plan ${planId} has run already (${plan.status}); create a new plan to run it again.`,
    { planId, status: plan.status },
  );
}

export interface PlanProgress {
  done: number;
  scenesWithChanges: number;
  changesProposed: number;
}

/** Writes progress and the heartbeat; answers whether someone asked to cancel the run. */
export async function beatPlanRun(
  db: Db,
  planId: number,
  progress: PlanProgress,
): Promise<boolean> {
  const plan = await db.analysisPlan.update({
    where: { id: planId },
    data: {
      progressDone: progress.done,
      scenesWithChanges: progress.scenesWithChanges,
      changesProposed: progress.changesProposed,
      heartbeatAt: databaseNow(),
    },
    select: { cancelRequestedAt: true },
  });
  return plan.cancelRequestedAt !== null;
}

export interface PlanRunEnd {
  status: Exclude<PlanStatus, "draft" | "running">;
  errorMessage: string | null;
  progress?: PlanProgress;
  /** Default now; an interrupted run ended at its last heartbeat. */
  completedAt?: Date;
}

export async function endPlanRun(db: Db, planId: number, end: PlanRunEnd): Promise<void> {
  const completedAt = end.completedAt ?? databaseNow();
  await db.analysisPlan.update({
    where: { id: planId },
    data: {
      status: end.status,
      errorMessage: end.errorMessage,
      completedAt,
      heartbeatAt: completedAt,
      ...(end.progress
        ? {
            progressDone: end.progress.done,
            scenesWithChanges: end.progress.scenesWithChanges,
            changesProposed: end.progress.changesProposed,
          }
        : {}),
    },
  });
}

/**
 * Plans still marked running whose heartbeat stopped, and that this process does not run, are
 * ended as interrupted, never left "running". Returns their ids.
 */
export async function recoverInterruptedPlans(
  db: Db,
  runningHere: ReadonlySet<number>,
  at?: Date,
): Promise<number[]> {
  const now = at ?? (await measureDatabaseClock(db));
  const stale = await db.analysisPlan.findMany({
    where: {
      status: "running",
      heartbeatAt: { lt: new Date(now.getTime() - PLAN_HEARTBEAT_STALE_MS) },
    },
    select: { id: true, heartbeatAt: true },
  });
  const dead = stale.filter((plan) => !runningHere.has(plan.id));
  for (const plan of dead) {
    await endPlanRun(db, plan.id, {
      status: "interrupted",
      errorMessage: planInterruptedMessage,
      completedAt: plan.heartbeatAt ?? now,
    });
  }
  return dead.map((plan) => plan.id);
}

/**
 * Records a cancel request for a plan another process runs. True when it reached a live run;
 * a run whose heartbeat stopped is marked interrupted instead, as nobody would read the request.
 */
export async function requestPlanCancel(
  db: Db,
  planId: number,
  runningHere: ReadonlySet<number>,
): Promise<boolean> {
  await recoverInterruptedPlans(db, runningHere);
  const { count } = await db.analysisPlan.updateMany({
    where: { id: planId, status: "running" },
    data: { cancelRequestedAt: databaseNow() },
  });
  return count > 0;
}
