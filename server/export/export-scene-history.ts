import { z } from "zod";
import { readSceneSyncLogs } from "../history/read-scene-sync-logs";
import { SCENE_SYNC_LOGS_MAX_LIMIT } from "../history/scene-sync-logs-schema";
import { StashId } from "../domain/vocabulary";
import {
  encodeRows,
  parseExportFormat,
  type ExportCell,
  type ExportFile,
  type ExportFormat,
} from "./export-format";

/** The scene's id, parsed under the route's parameter name so a 400 names `id`. */
const SceneIdParameter = z.object({ id: StashId });

/** A scene's history in an export: its sync log rows (full-sync rows included) with their runs. */
export const sceneHistoryColumns = [
  "id",
  "created_at",
  "sync_type",
  "change_type",
  "had_changes",
  "error_message",
  "entity_id",
  "job_id",
  "run_status",
  "changed_fields",
] as const;

/** An export is for reading, not a backup: a scene with more rows than this gets the newest. */
export const EXPORT_MAX_ROWS = 100_000;

/** Every sync log row of a scene, newest first, as CSV or JSON. */
export async function exportSceneHistory(
  sceneId: string,
  format: ExportFormat,
): Promise<ExportFile> {
  const { id } = SceneIdParameter.parse({ id: sceneId });
  const kind = parseExportFormat(format);
  const rows: Array<Record<(typeof sceneHistoryColumns)[number], ExportCell>> = [];
  let cursor: string | undefined;
  do {
    const page = await readSceneSyncLogs({ sceneId: id, limit: SCENE_SYNC_LOGS_MAX_LIMIT, cursor });
    for (const item of page.items) {
      rows.push({
        id: item.id,
        created_at: item.created_at.toISOString(),
        sync_type: item.sync_type,
        change_type: item.change_type,
        had_changes: item.had_changes,
        error_message: item.error_message,
        entity_id: item.entity_id,
        job_id: item.sync_history.job_id,
        run_status: item.sync_history.status,
        changed_fields: item.changed_fields ? JSON.stringify(item.changed_fields) : null,
      });
    }
    cursor = page.next_cursor ?? undefined;
  } while (cursor && rows.length < EXPORT_MAX_ROWS);
  return encodeRows(
    rows.slice(0, EXPORT_MAX_ROWS),
    sceneHistoryColumns,
    kind,
    `scene-${id}-history`,
  );
}
