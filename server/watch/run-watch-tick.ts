import { db } from "../db/client";
import { errorText, isAppError } from "../errors";
import { logger } from "../logger";
import { readPreviousWatermarks } from "../sync/previous-watermarks";
import { runningJobId } from "../sync/sync-lock";
import { createStashClient, startSync, type StartedSync } from "../sync/sync-service";
import type { SyncRequest } from "../sync/sync-request";
import type { SyncTrigger } from "../domain/vocabulary";
import type { StashClient } from "../stash/client";
import type { WatchCheck } from "./watch-schema";
import { readWatch, recordWatchCheck } from "./watch-settings";

export interface WatchTickDeps {
  start: (request: SyncRequest, trigger: SyncTrigger) => Promise<StartedSync>;
  client: () => Promise<StashClient>;
}

const defaultDeps: WatchTickDeps = { start: startSync, client: () => createStashClient() };

export interface WatchTick {
  /** "not_due" when watch mode is off or its interval has not passed. */
  outcome: WatchCheck["outcome"] | "not_due";
  check?: WatchCheck;
  /** The started run's end, for callers that wait (tests); never rejects. */
  done?: Promise<unknown>;
}

/**
 * One watch tick: when due, asks Stash how many records changed since the last sync's
 * watermarks (counts only) and starts an incremental sync only when some did. A tick that
 * finds nothing opens no run: it writes no sync_history row, only its "last checked" note.
 */
export async function runWatchTickIfDue(
  now: Date,
  deps: WatchTickDeps = defaultDeps,
): Promise<WatchTick> {
  const watch = await readWatch();
  if (!watch.enabled || !watch.nextCheckAt || watch.nextCheckAt.getTime() > now.getTime()) {
    return { outcome: "not_due" };
  }
  const { check, done } = await checkOnce(now, deps);
  await recordWatchCheck(check);
  return { outcome: check.outcome, check, done };
}

async function checkOnce(
  now: Date,
  deps: WatchTickDeps,
): Promise<{ check: WatchCheck; done?: Promise<unknown> }> {
  const check = (outcome: WatchCheck["outcome"], more: Partial<WatchCheck> = {}): WatchCheck => ({
    at: now,
    outcome,
    changes: 0,
    jobId: null,
    message: null,
    ...more,
  });
  // The running sync reads what changed; asking Stash now would only add load.
  const running = await runningJobId(db());
  if (running) return { check: check("skipped_running", { jobId: running }) };
  const watermarks = await readPreviousWatermarks();
  if (Object.keys(watermarks).length === 0) {
    return {
      check: check("no_baseline", {
        message: "No sync has finished yet: run a full sync once, then watch mode follows it.",
      }),
    };
  }
  try {
    const counts = await (await deps.client()).countChangedSince(watermarks);
    const changes = Object.values(counts).reduce((sum, n) => sum + n, 0);
    if (changes === 0) return { check: check("no_changes") };
    const started = await deps.start({ type: "incremental" }, "watch");
    logger.info(`Watch: ${changes} changed in Stash; incremental sync ${started.jobId} started.`);
    return { check: check("started", { changes, jobId: started.jobId }), done: started.done };
  } catch (error) {
    if (isAppError(error) && error.code === "SYNC_ALREADY_RUNNING") {
      const jobId = typeof error.details.jobId === "string" ? error.details.jobId : null;
      return { check: check("skipped_running", { jobId }) };
    }
    // A Stash that is down: said on the dashboard and in the log; the next tick asks again.
    logger.warn(`Watch: could not ask Stash for changes: ${errorText(error)}`);
    const jobId =
      isAppError(error) && typeof error.details.jobId === "string" ? error.details.jobId : null;
    const message = isAppError(error)
      ? error.message
      : "Could not ask Stash for changes; the server log has the details.";
    return { check: check("failed", { jobId, message }) };
  }
}
