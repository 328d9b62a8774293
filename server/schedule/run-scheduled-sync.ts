import { errorText, isAppError } from "../errors";
import { logger } from "../logger";
import type { SyncRequest } from "../sync/sync-request";
import { startSync, type StartedSync } from "../sync/sync-service";
import type { SyncTrigger } from "../domain/vocabulary";
import type { ScheduledAttemptOutcome } from "./schedule-schema";
import { readSchedule, recordScheduledAttempt } from "./schedule-settings";

export type StartSyncFn = (request: SyncRequest, trigger: SyncTrigger) => Promise<StartedSync>;

export interface ScheduledSyncTick {
  /** "not_due" when the schedule is off or its time has not come. */
  outcome: ScheduledAttemptOutcome | "not_due";
  jobId: string | null;
  /** The started run's end, for callers that wait (tests); never rejects. */
  done?: Promise<unknown>;
}

/**
 * Starts the scheduled incremental sync when it is due. Never overlaps: while any sync holds
 * the lock the tick is skipped (and logged), and the next one is an interval later.
 */
export async function runScheduledSyncIfDue(
  now: Date,
  start: StartSyncFn = startSync,
): Promise<ScheduledSyncTick> {
  const schedule = await readSchedule();
  if (!schedule.nextRunAt || schedule.nextRunAt.getTime() > now.getTime()) {
    return { outcome: "not_due", jobId: null };
  }
  try {
    const started = await start({ type: "incremental" }, "schedule");
    await recordScheduledAttempt(now, "started", started.jobId);
    logger.info(`Scheduled incremental sync started (job ${started.jobId}).`);
    return { outcome: "started", jobId: started.jobId, done: started.done };
  } catch (error) {
    if (isAppError(error) && error.code === "SYNC_ALREADY_RUNNING") {
      const running = typeof error.details.jobId === "string" ? error.details.jobId : null;
      await recordScheduledAttempt(now, "skipped_running", running);
      // The refusal's own words name the holder: a sync's job, or a task (a restore, an apply).
      logger.info(`Scheduled incremental sync skipped: ${error.message}`);
      return { outcome: "skipped_running", jobId: running };
    }
    // Stash unreachable and the like: the run is recorded as failed (its job id is in the
    // details); the schedule moves on to the next slot.
    const jobId =
      isAppError(error) && typeof error.details.jobId === "string" ? error.details.jobId : null;
    await recordScheduledAttempt(now, "failed_to_start", jobId);
    logger.warn(`Scheduled incremental sync could not start: ${errorText(error)}`);
    return { outcome: "failed_to_start", jobId };
  }
}
