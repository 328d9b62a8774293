import { runDailyRetentionIfDue } from "../retention/run-daily-retention";
import { systemClock, type Clock } from "./clock";
import { runWatchTickIfDue } from "../watch/run-watch-tick";
import { runScheduledSyncIfDue } from "./run-scheduled-sync";
import { startScheduler, type Scheduler } from "./scheduler";

/** How often the server checks whether a job is due: often enough for watch mode's 15 s. */
const POLL_MS = 5_000;

const globalForJobs = globalThis as unknown as { stashSyncBackgroundJobs?: Scheduler };

/**
 * The server process's own jobs: the scheduled incremental sync, watch mode's checks and the
 * daily retention cleanup. Started once per process (instrumentation.ts); the globalThis guard keeps dev-mode
 * reloads from starting a second loop.
 */
export function startBackgroundJobs(clock: Clock = systemClock): Scheduler {
  globalForJobs.stashSyncBackgroundJobs ??= startScheduler({
    clock,
    pollMs: POLL_MS,
    jobs: [
      { name: "scheduled-sync", tick: (now) => runScheduledSyncIfDue(now) },
      { name: "watch", tick: (now) => runWatchTickIfDue(now) },
      { name: "daily-retention", tick: (now) => runDailyRetentionIfDue(now) },
    ],
  });
  return globalForJobs.stashSyncBackgroundJobs;
}

/** Stops the background jobs' loop (shutdown); a tick in progress finishes on its own. */
export function stopBackgroundJobs(): void {
  globalForJobs.stashSyncBackgroundJobs?.stop();
}
