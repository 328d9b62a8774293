import { parseChangedFields } from "../domain/changed-fields";
import { db } from "../db/client";
import { rowReader } from "../db/row-reader";
import { emptySql, sql, toStatement, type Statement } from "../db/sql-dialect";
import { ChangeType, SyncStatus, SyncType } from "../domain/vocabulary";
import { AppError } from "../errors";
import {
  SceneSyncLogsInput,
  type SyncLogEntry,
  type SceneSyncLogsPage,
  type SyncLogFilter,
} from "./scene-sync-logs-schema";
import { decodeSyncLogCursor, encodeSyncLogCursor, type SyncLogCursor } from "./sync-log-cursor";

/** One row of the query below, as the driver returns it (types vary by driver: coerce). */
interface RawSyncLogRow {
  id: number | bigint;
  entity_id: string | null;
  sync_type: string;
  had_changes: boolean | number | bigint;
  change_type: string | null;
  error_message: string | null;
  changed_fields: string | null;
  created_at: Date | string;
  job_id: string;
  started_at: Date | string;
  completed_at: Date | string | null;
  status: string;
  items_synced: number | bigint;
  items_created: number | bigint;
  items_updated: number | bigint;
}

/**
 * A scene's sync logs, newest first: the scene's own rows plus the full-sync rows that stand for
 * every scene (entity_id NULL), joined to their runs. Pages are cut by an opaque cursor.
 */
export async function readSceneSyncLogs(input: SceneSyncLogsInput): Promise<SceneSyncLogsPage> {
  const { sceneId, limit, cursor, filter } = SceneSyncLogsInput.parse(input);
  const after = cursor === undefined ? undefined : decodeSyncLogCursor(cursor);

  // One row more than asked tells whether another page exists.
  const rows = await rowReader().all<RawSyncLogRow>(
    sceneSyncLogsSql(sceneId, limit + 1, after, filter),
  );
  // Rows of the scene's own answer the two other questions (does it exist; was it ever synced
  // by anything but a full sync) without another query: the common case is one query.
  const own = rows.filter((row) => row.entity_id === sceneId);
  if (own.length === 0) {
    const scene = await db().scene.findUnique({ where: { id: sceneId }, select: { id: true } });
    if (!scene) throw new AppError("NOT_FOUND", `Scene ${sceneId} is not in the library.`);
  }
  const syncedBeyondFullSyncs =
    own.some((row) => row.sync_type !== "full") || (await hasRowsBeyondFullSyncs(sceneId));
  const items = rows.slice(0, limit).map(toSyncLogEntry);
  const last = items.at(-1);
  return {
    items,
    next_cursor:
      rows.length > limit && last
        ? encodeSyncLogCursor({ createdAt: last.created_at, id: last.id })
        : null,
    only_full_syncs: !syncedBeyondFullSyncs,
  };
}

/**
 * A UNION ALL, not `entity_id = ? OR entity_id IS NULL`: each branch is one range scan of
 * sync_log(entity_type, entity_id, created_at, id), already in order and stopped after `take`
 * rows, where an OR reads both sets in full and sorts them (docs/decisions.md).
 *
 * The branches pick only ids and times (the scene's own from the index alone; the full-sync
 * rows are the same few for every scene, so they stay cached); only the page's rows are then
 * read whole and joined to their runs. The SQL is portable: row values, CTEs and aliased
 * subqueries work in SQLite and PostgreSQL. The full-sync branch orders by entity_id too,
 * NULL in all its rows: PostgreSQL does not take `IS NULL` as fixing the column, and without
 * it would sort every full-sync row rather than read the index in order.
 */
export function sceneSyncLogsSql(
  sceneId: string,
  take: number,
  after: SyncLogCursor | undefined,
  filter: SyncLogFilter | undefined,
): Statement {
  const before = after ? sql`AND (created_at, id) < (${after.createdAt}, ${after.id})` : emptySql;
  const outcome =
    filter?.outcome === "changes"
      ? sql`AND had_changes = TRUE`
      : filter?.outcome === "failures"
        ? sql`AND change_type = 'failed'`
        : emptySql;
  const syncType = filter?.syncType;
  const ownType = syncType ? sql`AND sync_type = ${syncType}` : emptySql;

  const ownRows = sql`SELECT id, created_at FROM (
      SELECT id, created_at FROM sync_log
      WHERE entity_type = 'scene' AND entity_id = ${sceneId} ${before} ${outcome} ${ownType}
      ORDER BY created_at DESC, id DESC LIMIT ${take}
    ) AS own_rows`;
  // Full-sync rows exist only for sync type "full": another type filter leaves this branch out.
  const fullSyncRows =
    syncType === undefined || syncType === "full"
      ? sql`UNION ALL SELECT id, created_at FROM (
      SELECT id, created_at FROM sync_log
      WHERE entity_type = 'scene' AND entity_id IS NULL AND sync_type = 'full' ${before} ${outcome}
      ORDER BY entity_id DESC, created_at DESC, id DESC LIMIT ${take}
    ) AS full_sync_rows`
      : emptySql;

  const statement = toStatement(sql`
    WITH picked AS (${ownRows} ${fullSyncRows} ORDER BY created_at DESC, id DESC LIMIT ${take})
    SELECT l.id, l.entity_id, l.sync_type, l.had_changes, l.change_type, l.error_message,
      l.changed_fields, l.created_at, h.job_id, h.started_at, h.completed_at, h.status,
      h.items_synced, h.items_created, h.items_updated
    FROM picked
    JOIN sync_log AS l ON l.id = picked.id
    JOIN sync_history AS h ON h.id = l.sync_history_id
    ORDER BY picked.created_at DESC, picked.id DESC`);
  // Every scene page asks it: on PostgreSQL, planning it each time was half its cost.
  return { ...statement, prepared: true };
}

/**
 * Drives the "Only full syncs so far" state: whether an incremental or scene sync ever logged
 * this scene. A full sync logs the scenes it created or changed too, so "has a row of its own"
 * would be true after the very first full sync. One range scan of the scene's own rows.
 */
async function hasRowsBeyondFullSyncs(sceneId: string): Promise<boolean> {
  const row = await db().syncLog.findFirst({
    where: { entityType: "scene", entityId: sceneId, syncType: { not: "full" } },
    select: { id: true },
  });
  return row !== null;
}

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

function toSyncLogEntry(row: RawSyncLogRow): SyncLogEntry {
  // The vocabulary is parsed, not cast: a value outside it fails here, not in a page. The rest
  // is typed by the schema; a whole-object parse per row was a third of this function's time.
  return {
    id: Number(row.id),
    entity_id: row.entity_id,
    sync_type: SyncType.parse(row.sync_type),
    had_changes: Boolean(Number(row.had_changes)),
    change_type: row.change_type === null ? null : ChangeType.parse(row.change_type),
    error_message: row.error_message,
    created_at: toDate(row.created_at),
    changed_fields: parseChangedFields(row.changed_fields),
    sync_history: {
      job_id: row.job_id,
      started_at: toDate(row.started_at),
      completed_at: row.completed_at === null ? null : toDate(row.completed_at),
      status: SyncStatus.parse(row.status),
      items_synced: Number(row.items_synced),
      items_created: Number(row.items_created),
      items_updated: Number(row.items_updated),
    },
  };
}
