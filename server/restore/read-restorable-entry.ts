import { parseChangedFields, type FieldChange } from "../domain/changed-fields";
import { db } from "../db/client";
import { AppError } from "../errors";
import { RestoreField } from "./restore-schema";

export interface RestorableEntry {
  logId: number;
  jobId: string;
  /** The entry's changes to fields a restore can write, by field. */
  changes: Map<RestoreField, FieldChange>;
}

/**
 * A History entry of this scene that changed fields a restore can write back; NOT_FOUND for an
 * entry that is not this scene's, BAD_INPUT for one without such changes or for fields it did
 * not change.
 */
export async function readRestorableEntry(
  sceneId: string,
  logId: number,
  fields: RestoreField[] | undefined,
): Promise<RestorableEntry> {
  const row = await db().syncLog.findUnique({
    where: { id: logId },
    select: {
      entityType: true,
      entityId: true,
      changedFields: true,
      syncHistory: { select: { jobId: true } },
    },
  });
  if (!row || row.entityType !== "scene" || row.entityId !== sceneId) {
    throw new AppError("NOT_FOUND", `Scene ${sceneId} has no History entry ${logId}.`);
  }
  const changed = parseChangedFields(row.changedFields) ?? {};
  const changes = new Map<RestoreField, FieldChange>();
  for (const field of RestoreField.options) {
    const change = changed[field];
    if (change) changes.set(field, change);
  }
  if (changes.size === 0) {
    throw new AppError(
      "BAD_INPUT",
      `History entry ${logId} changed nothing a restore can write back (${RestoreField.options.join(", ")}).`,
      { field: "logId" },
    );
  }
  const unchanged = (fields ?? []).filter((field) => !changes.has(field));
  if (unchanged.length > 0) {
    throw new AppError(
      "BAD_INPUT",
      `History entry ${logId} did not change ${unchanged.join(", ")}.`,
      { field: "fields" },
    );
  }
  const wanted = new Map([...changes].filter(([field]) => !fields || fields.includes(field)));
  return { logId, jobId: row.syncHistory.jobId, changes: wanted };
}
