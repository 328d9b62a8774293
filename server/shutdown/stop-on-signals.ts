import { closeBulkWriter } from "../db/bulk-writer";
import { db } from "../db/client";
import { closeRowReader } from "../db/row-reader";
import { errorText } from "../errors";
import { logger } from "../logger";
import { stopBackgroundJobs } from "../schedule/start-background-jobs";
import { cancelSyncsForShutdown } from "../sync/sync-service";

/** Past this, the process exits anyway: the run left behind is marked interrupted on start. */
const GIVE_UP_AFTER_MS = 25_000;

const globalForSignals = globalThis as unknown as { stashSyncStopOnSignals?: true };

/**
 * `docker stop` sends SIGTERM: a sync then stops after the page it is on and is recorded as
 * cancelled, instead of being killed mid-page and found "interrupted" on the next start. Only
 * where Next leaves signals to the app (NEXT_MANUAL_SIG_HANDLE, set by server.js and npm start);
 * elsewhere Next's own handler exits at once.
 */
export function stopOnSignals(): void {
  if (!process.env.NEXT_MANUAL_SIG_HANDLE || globalForSignals.stashSyncStopOnSignals) return;
  globalForSignals.stashSyncStopOnSignals = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => void shutDown(signal));
  }
}

async function shutDown(signal: string): Promise<void> {
  logger.info(`${signal} received: stopping after the current page of any running sync.`);
  setTimeout(() => {
    logger.warn("A sync did not stop in time; exiting without waiting for it.");
    process.exit(1);
  }, GIVE_UP_AFTER_MS).unref();
  try {
    stopBackgroundJobs();
    const cancelled = await cancelSyncsForShutdown();
    if (cancelled) logger.info(`Cancelled ${cancelled} running sync(s); their work is kept.`);
    await closeBulkWriter();
    closeRowReader();
    await db().$disconnect();
  } catch (error) {
    logger.error(`Shutting down: ${errorText(error)}`);
  }
  process.exit(0);
}
