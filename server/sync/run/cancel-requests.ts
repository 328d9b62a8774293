import { rowReader } from "../../db/row-reader";
import { sql, toStatement } from "../../db/sql-dialect";

/**
 * Cancelling a run of another process (a sync from cron, while a person watches the dashboard
 * of the web server): the request is a timestamp on the run's sync_history row, which the
 * running process reads once a second and turns into its own abort. In-process runs are
 * aborted directly (sync-service.ts); both end the same way, after the current page.
 */
export function watchCancelRequests(
  runId: number,
  controller: AbortController,
  intervalMs = 1000,
): () => void {
  const statement = toStatement(
    sql`SELECT "cancel_requested_at" FROM "sync_history" WHERE "id" = ${runId}`,
  );
  const timer = setInterval(() => {
    void rowReader()
      .column<string | null>({ sql: statement.sql, params: [...statement.params] })
      .then(([requested]) => {
        if (requested) controller.abort();
      })
      // A failed read is retried on the next tick; the run must not die of it.
      .catch(() => {});
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
