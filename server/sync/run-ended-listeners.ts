import { errorText } from "../errors";
import { logger } from "../logger";
import type { SyncRunSummary } from "./sync-run-view";

/**
 * Who hears that a run ended (notifications, for one): they subscribe, so sync never imports
 * them. Kept on globalThis because Next bundles instrumentation and routes apart, and a
 * listener subscribed at server start must be heard by every bundle's syncs.
 */
type RunEndedListener = (run: SyncRunSummary) => Promise<void> | void;

const registry = globalThis as unknown as {
  stashSyncRunEndedListeners?: Map<string, RunEndedListener>;
};
const listeners = (registry.stashSyncRunEndedListeners ??= new Map());

/** Subscribes under a name, so subscribing twice (dev reloads, two bundles) hears once. */
export function onRunEnded(name: string, listener: RunEndedListener): () => void {
  listeners.set(name, listener);
  return () => listeners.delete(name);
}

/** Tells every listener; a listener's failure is logged, never the run's. */
export async function announceRunEnded(run: SyncRunSummary): Promise<void> {
  for (const [name, listener] of listeners) {
    try {
      await listener(run);
    } catch (error) {
      logger.error(`${name} failed for job ${run.jobId}: ${errorText(error)}`);
    }
  }
}
