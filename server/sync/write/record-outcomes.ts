import { insertRows, whereIn, type SqlValue, type Statement } from "../../db/sql-dialect";
import { logsOutcome, type RunContext } from "../run-context";
import { bulkWriter } from "../../db/bulk-writer";
import { keepingConfirmedTime } from "../full-sync-confirmation";
import type { EntityOutcome } from "./entity-outcomes";

/** The sync_log columns a run writes, in the order of its rows. */
export const syncLogColumns = [
  "sync_history_id",
  "entity_type",
  "entity_id",
  "sync_type",
  "had_changes",
  "change_type",
  "error_message",
  "changed_fields",
  "created_at",
  "restore_id",
];

/** The sync_log inserts of the outcomes the run logs. */
function logStatements(ctx: RunContext, logged: EntityOutcome[]): Statement[] {
  const now = new Date();
  const rows: SqlValue[][] = logged.map((o) => [
    ctx.runId,
    o.entityType,
    o.entityId,
    ctx.syncType,
    o.changeType === "created" || o.changeType === "updated",
    o.changeType,
    o.error,
    o.changedFields ? JSON.stringify(o.changedFields) : null,
    now,
    ctx.restoreId,
  ]);
  return insertRows("sync_log", syncLogColumns, rows);
}

/**
 * Keeps scene.last_sync_failed equal to "the scene's newest sync_log row is failed": set or
 * cleared with every logged scene outcome, in the transaction that logs it. A created scene's
 * row was just inserted with the flag cleared. A scene that starts failing keeps the time its
 * last full sync confirmed it (keepingConfirmedTime).
 */
function failedFlagStatements(ctx: RunContext, logged: EntityOutcome[]): Statement[] {
  const failed: string[] = [];
  const fine: string[] = [];
  for (const o of logged) {
    if (o.entityType !== "scene") continue;
    if (o.changeType === "failed") failed.push(o.entityId);
    else if (o.changeType !== "created") fine.push(o.entityId);
  }
  const failing = keepingConfirmedTime(ctx.fullSyncStart, '"last_sync_failed" = ?', [true]);
  return [
    ...whereIn(`UPDATE "scene" SET ${failing.set}`, "id", failed, failing.params),
    ...whereIn('UPDATE "scene" SET "last_sync_failed" = ?', "id", fine, [false]),
  ];
}

/**
 * Writes a page's statements and the outcomes' log rows in one transaction, then counts the
 * outcomes: counters only ever include what is committed, so they match the stored rows.
 */
export async function commitOutcomes(
  ctx: RunContext,
  statements: Statement[],
  outcomes: EntityOutcome[],
): Promise<EntityOutcome[]> {
  // Which outcomes get a row depends on the run's type (see logsOutcome).
  const logged = outcomes.filter((o) => logsOutcome(ctx.syncType, o.changeType));
  await bulkWriter().write([
    ...statements,
    ...logStatements(ctx, logged),
    ...failedFlagStatements(ctx, logged),
  ]);
  for (const o of outcomes) ctx.tally.add(o.changeType);
  ctx.progress.advance(outcomes.length);
  return outcomes;
}
