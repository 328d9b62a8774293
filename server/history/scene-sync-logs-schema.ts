import { z } from "zod";
import { ChangedFields } from "../domain/changed-fields";
import { ChangeType, StashId, SyncStatus, SyncType } from "../domain/vocabulary";

/**
 * The contract of a scene's sync logs, shared by the tRPC procedure (history.sceneSyncLogs), the HTTP
 * route and the History tab. Field names are the design's (snake_case) so every transport
 * answers the same JSON.
 */

/** What the History tab's filter picks: the timeline's colours (red failed, blue changes). */
export const SyncLogOutcomeFilter = z.enum(["all", "changes", "failures"]);
export type SyncLogOutcomeFilter = z.infer<typeof SyncLogOutcomeFilter>;

export const SyncLogFilter = z.object({
  outcome: SyncLogOutcomeFilter.default("all"),
  /** Only rows of this sync type; "full" keeps the full-sync rows that cover every scene. */
  syncType: SyncType.optional(),
});
export type SyncLogFilter = z.infer<typeof SyncLogFilter>;

export const SCENE_SYNC_LOGS_DEFAULT_LIMIT = 50;
export const SCENE_SYNC_LOGS_MAX_LIMIT = 500;

export const SceneSyncLogsInput = z.object({
  sceneId: StashId,
  limit: z.number().int().min(1).max(SCENE_SYNC_LOGS_MAX_LIMIT).default(50),
  /** Opaque: the `next_cursor` of the previous page. */
  cursor: z.string().min(1).max(200).optional(),
  filter: SyncLogFilter.optional(),
});
export type SceneSyncLogsInput = z.input<typeof SceneSyncLogsInput>;
export type SceneSyncLogsQuery = z.output<typeof SceneSyncLogsInput>;

export const SyncLogRun = z.object({
  job_id: z.string(),
  started_at: z.date(),
  completed_at: z.date().nullable(),
  status: SyncStatus,
  items_synced: z.number().int(),
  items_created: z.number().int(),
  items_updated: z.number().int(),
});

export const SyncLogEntry = z.object({
  id: z.number().int(),
  /** NULL on a full sync's row that stands for every scene; the scene's id otherwise. */
  entity_id: z.string().nullable(),
  sync_type: SyncType,
  had_changes: z.boolean(),
  change_type: ChangeType.nullable(),
  error_message: z.string().nullable(),
  created_at: z.date(),
  changed_fields: ChangedFields.nullable(),
  sync_history: SyncLogRun,
});
export type SyncLogEntry = z.infer<typeof SyncLogEntry>;

/** The whole page speaks the design's snake_case, like the entries it carries. */
export const SceneSyncLogsPage = z.object({
  /** Newest first by (created_at, id). */
  items: z.array(SyncLogEntry),
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  next_cursor: z.string().nullable(),
  /** No incremental or scene sync has logged this scene yet: only full syncs touched it. */
  only_full_syncs: z.boolean(),
});
export type SceneSyncLogsPage = z.infer<typeof SceneSyncLogsPage>;
