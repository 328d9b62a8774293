import { z } from "zod";
import { StashId } from "../domain/vocabulary";

/**
 * The contract of a restore, shared by the tRPC procedure (restore.restoreEntry), the HTTP route
 * POST /api/scenes/{id}/restore and the History tab's server action.
 */

/** The scene fields a History entry's old value can be written back to Stash for. */
export const RestoreField = z.enum([
  "title",
  "code",
  "details",
  "director",
  "date",
  "rating100",
  "organized",
  "urls",
  "studio",
  "performers",
  "tags",
]);
export type RestoreField = z.infer<typeof RestoreField>;

/**
 * A field's value as restore compares it: text, a number, a flag, a studio's Stash id (or
 * null), or a list (URLs; performers' and tags' Stash ids, compared as sets).
 */
export const FieldValue = z.union([
  z.string().max(100_000),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string().max(10_000)).max(10_000),
]);
export type FieldValue = z.infer<typeof FieldValue>;

export const RestoreInput = z.object({
  sceneId: StashId,
  /** The History entry (sync_log id) whose old values are written back. */
  logId: z.number().int().positive(),
  /** Which of the entry's fields; all it changed that can be restored when left out. */
  fields: z.array(RestoreField).min(1).max(RestoreField.options.length).optional(),
  /**
   * The value the caller expects Stash to have now, per field. A field whose value in Stash is
   * no longer the one the entry changed it to is refused as a conflict unless it is named here
   * with Stash's current value: then the caller has seen what it replaces.
   */
  expected: z.partialRecord(RestoreField, FieldValue).optional(),
});
export type RestoreInput = z.input<typeof RestoreInput>;
export type RestoreRequest = z.output<typeof RestoreInput>;

/** "Stash now has X; restoring sets Y" for one field. */
export const RestoreConflict = z.object({
  field: RestoreField,
  current: FieldValue,
  currentText: z.string(),
  restoring: FieldValue,
  restoringText: z.string(),
});
export type RestoreConflict = z.infer<typeof RestoreConflict>;

export const RestoredField = z.object({
  field: RestoreField,
  status: z.enum(["restored", "failed"]),
  /** What was written, for people ("Old title", "Alice, Bob"). */
  restoredText: z.string(),
  /** Why the field was not written, e.g. a tag Stash no longer has. */
  error: z.string().nullable(),
});
export type RestoredField = z.infer<typeof RestoredField>;

export const RestoreResult = z.object({
  /** The restore's record (scene_restore.id); null when nothing could be written. */
  restoreId: z.number().int().nullable(),
  sceneId: z.string(),
  logId: z.number().int(),
  fields: z.array(RestoredField),
  /** The specific sync that recorded the change; null when nothing was written. */
  sync: z
    .object({
      jobId: z.string().nullable(),
      status: z.string(),
      /** The log row of this restore in the scene's History. */
      logId: z.number().int().nullable(),
    })
    .nullable(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

/** A restore as the History tab shows it on the entry of the sync that recorded it. */
export const SceneRestoreView = z.object({
  id: z.number().int(),
  /** The History entry of the sync that recorded the restore; null until it ran. */
  syncLogId: z.number().int().nullable(),
  restoredLogId: z.number().int(),
  restoredJobId: z.string(),
  fields: z.array(RestoreField),
  requestedBy: z.string(),
  requestedAt: z.date(),
});
export type SceneRestoreView = z.infer<typeof SceneRestoreView>;

export const SceneRestoresInput = z.object({ sceneId: StashId });
