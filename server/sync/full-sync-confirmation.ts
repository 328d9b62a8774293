import { db } from "../db/client";
import type { SqlValue } from "../db/sql-dialect";
import type { SyncStatus } from "../domain/vocabulary";

/**
 * A full sync does not rewrite the rows of the scenes it finds unchanged: at every full sync
 * that would write a log the size of the scene table, for one timestamp. It confirms them all
 * by finishing, as its one sync_log row for all scenes says. So a scene's last sync time is the
 * later of its own `last_synced_at` (a sync wrote it, or an incremental or scene sync checked
 * it alone) and the start of the newest full sync that finished: every scene that run did not
 * write was read after it started.
 *
 * A scene that sync did not confirm keeps its own time: one marked removed, or whose newest
 * logged outcome is a failure. When a scene becomes one of those, its own time first takes the
 * confirmed time it had (keepingConfirmedTime), so what is shown never goes back.
 */

// A run with failed entities still confirmed the others; a cancelled or interrupted one did
// not reach them all.
const finished: SyncStatus[] = ["completed", "completed_with_errors"];

/** When the newest full sync that finished started; null when none has. */
export async function latestFullSyncStart(): Promise<Date | null> {
  const run = await db().syncHistory.findFirst({
    where: { syncType: "full", status: { in: finished } },
    orderBy: { startedAt: "desc" },
    select: { startedAt: true },
  });
  return run?.startedAt ?? null;
}

/** The time a scene was last synced, given latestFullSyncStart(). */
export function lastSyncedAt(
  scene: { lastSyncedAt: Date; removedAt: Date | null; lastSyncFailed: boolean },
  fullSyncStart: Date | null,
): Date {
  const confirmed = scene.removedAt === null && !scene.lastSyncFailed;
  return confirmed && fullSyncStart !== null && fullSyncStart > scene.lastSyncedAt
    ? fullSyncStart
    : scene.lastSyncedAt;
}

/**
 * The SET list of a statement that marks scenes failed or removed (`set`, with `?`
 * placeholders, and its values), extended so that a scene that was confirmed keeps its
 * confirmed time as its own. Every item of a SET reads the row as it was, in SQLite and
 * PostgreSQL alike, so the added item sees the flags before the statement changes them.
 */
export function keepingConfirmedTime(
  fullSyncStart: Date | null,
  set: string,
  params: SqlValue[],
): { set: string; params: SqlValue[] } {
  // Before any full sync has finished, there is no confirmed time to keep.
  if (fullSyncStart === null) return { set, params };
  return {
    set: `"last_synced_at" = CASE WHEN "last_sync_failed" = ? AND "removed_at" IS NULL
      AND "last_synced_at" < ? THEN ? ELSE "last_synced_at" END, ${set}`,
    params: [false, fullSyncStart, fullSyncStart, ...params],
  };
}
