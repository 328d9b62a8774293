import { errorText } from "../errors";
import { logger } from "../logger";
import type { Clock } from "./clock";

/** A job the scheduler runs; `tick` decides for itself whether it is due at `now`. */
export interface ScheduledJob {
  name: string;
  tick(now: Date): Promise<unknown>;
}

export interface Scheduler {
  /** Runs every job once now, after any tick in progress. */
  tickNow(): Promise<void>;
  /** Settles when the tick in progress (if any) has finished. */
  idle(): Promise<void>;
  stop(): void;
}

/**
 * Wakes every `pollMs` and lets each job check whether it is due. Polling (rather than one
 * timer per due time) picks up a changed interval in Settings within one poll, from any
 * process, without the settings code knowing the scheduler exists. Ticks never overlap: the
 * next timer is armed only after a tick finished.
 */
export function startScheduler(options: {
  clock: Clock;
  pollMs: number;
  jobs: ScheduledJob[];
}): Scheduler {
  const { clock, pollMs, jobs } = options;
  let cancel: (() => void) | null = null;
  let stopped = false;
  let ticking: Promise<void> = Promise.resolve();

  const runJobs = async () => {
    for (const job of jobs) {
      try {
        await job.tick(clock.now());
      } catch (error) {
        // One failing job (a locked database, say) must not stop the others or the loop.
        logger.error(`Scheduled job ${job.name} failed: ${errorText(error)}`);
      }
    }
  };
  const arm = () => {
    if (stopped) return;
    cancel = clock.setTimer(() => {
      ticking = runJobs().finally(arm);
    }, pollMs);
  };
  arm();

  return {
    async tickNow() {
      await ticking;
      await runJobs();
    },
    idle: () => ticking,
    stop() {
      stopped = true;
      cancel?.();
    },
  };
}
