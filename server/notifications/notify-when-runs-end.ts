import { onRunEnded } from "../sync/run-ended-listeners";
import { notifyRunEnded } from "./notify-run-ended";

/**
 * Subscribes notifications to the ends of runs, in each process that runs or recovers syncs:
 * the server (instrumentation.ts), the CLI and the scripts that prepare the database.
 */
export function notifyWhenRunsEnd(): void {
  onRunEnded("notifications", notifyRunEnded);
}
