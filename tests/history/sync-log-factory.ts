import type { Db } from "../../server/db/client";
import type { ChangedFields } from "../../server/domain/changed-fields";

/** Writes one sync_log row through the real client, with the time and outcome a test needs. */
export async function createSyncLog(
  db: Db,
  run: { id: number; syncType: string },
  row: {
    entityId: string | null;
    createdAt: Date;
    entityType?: string;
    syncType?: string;
    changeType?: "created" | "updated" | "skipped" | "failed" | null;
    hadChanges?: boolean;
    errorMessage?: string;
    changedFields?: ChangedFields;
  },
) {
  const changeType = row.changeType === undefined ? "skipped" : row.changeType;
  return db.syncLog.create({
    data: {
      syncHistoryId: run.id,
      entityType: row.entityType ?? "scene",
      entityId: row.entityId,
      syncType: row.syncType ?? run.syncType,
      changeType,
      hadChanges: row.hadChanges ?? (changeType === "created" || changeType === "updated"),
      errorMessage: row.errorMessage,
      changedFields: row.changedFields ? JSON.stringify(row.changedFields) : null,
      createdAt: row.createdAt,
    },
  });
}

/** A time `minutes` after a fixed origin, so orderings in tests are explicit. */
export function at(minutes: number): Date {
  return new Date(Date.UTC(2026, 10, 1, 12, 0, 0) + minutes * 60_000);
}
