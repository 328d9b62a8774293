import { readSyncRunEntries } from "../sync/read-sync-runs";
import {
  encodeRows,
  parseExportFormat,
  type ExportCell,
  type ExportFile,
  type ExportFormat,
} from "./export-format";
import { EXPORT_MAX_ROWS } from "./export-scene-history";

export const runRowColumns = [
  "id",
  "created_at",
  "entity_type",
  "entity_id",
  "sync_type",
  "change_type",
  "had_changes",
  "error_message",
  "changed_fields",
] as const;

/** A run's per-entity rows in the order written, as CSV or JSON. */
export async function exportRunRows(jobId: string, format: ExportFormat): Promise<ExportFile> {
  const kind = parseExportFormat(format);
  const rows: Array<Record<(typeof runRowColumns)[number], ExportCell>> = [];
  let cursor: number | undefined;
  do {
    const page = await readSyncRunEntries({ jobId, limit: 500, cursor });
    for (const item of page.items) {
      rows.push({
        id: item.id,
        created_at: item.createdAt.toISOString(),
        entity_type: item.entityType,
        entity_id: item.entityId,
        sync_type: item.syncType,
        change_type: item.changeType,
        had_changes: item.hadChanges,
        error_message: item.errorMessage,
        changed_fields: item.changedFields ? JSON.stringify(item.changedFields) : null,
      });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && rows.length < EXPORT_MAX_ROWS);
  // The job id is a UUID: safe in a file name.
  return encodeRows(rows.slice(0, EXPORT_MAX_ROWS), runRowColumns, kind, `sync-${jobId}-rows`);
}
