import type { Db } from "../../db/client";
import { rowReader } from "../../db/row-reader";
import { sql, toStatement } from "../../db/sql-dialect";
import { errorText } from "../../errors";
import { logger } from "../../logger";
import { markRunInterrupted } from "../run-record";
import { runningJobId } from "../sync-lock";

/**
 * Cancelling a run of another process (a sync from cron, while a person watches the dashboard
 * of the web server): the request is a timestamp on the run's sync_history row, which the
 * running process reads once a second and turns into its own abort. In-process runs are
 * aborted directly (sync-service.ts); both stop after the page they are on.
 */

/**
 * Records a cancel request for a run of another process. True when it is recorded for a live
 * run (which may still finish first, if it was on its last page); false when the run is not
 * running. A run whose process died is marked interrupted at once, as the next start would:
 * nobody would ever read the request.
 */
export async function requestCancel(db: Db, jobId: string): Promise<boolean> {
  if ((await runningJobId(db)) !== jobId) {
    await markRunInterrupted(db, jobId);
    return false;
  }
  const { count } = await db.syncHistory.updateMany({
    where: { jobId, status: "running" },
    data: { cancelRequestedAt: new Date() },
  });
  return count > 0;
}

/** Aborts `controller` once the run's cancel request is recorded; returns the stop function. */
export function watchCancelRequests(
  runId: number,
  controller: AbortController,
  intervalMs = 1000,
): () => void {
  const statement = toStatement(
    sql`SELECT "cancel_requested_at" FROM "sync_history" WHERE "id" = ${runId}`,
  );
  let warned = false;
  const timer = setInterval(() => {
    void rowReader()
      .column<string | null>(statement)
      .then(([requested]) => {
        if (requested) controller.abort();
      })
      .catch((error: unknown) => {
        // Tried again on the next tick: the run must not die of it, but a watcher that never
        // works means cancels from other processes are lost, which someone should hear of.
        if (warned) return;
        warned = true;
        logger.warn(`Cannot read cancel requests for run ${runId}: ${errorText(error)}`);
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
