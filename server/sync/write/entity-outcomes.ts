import type { ChangedFields } from "../../domain/changed-fields";
import type { ChangeType, EntityType } from "../../domain/vocabulary";

/** One entity's outcome in a run. */
export interface EntityOutcome {
  entityType: EntityType;
  entityId: string;
  changeType: ChangeType;
  changedFields: ChangedFields | null;
  error: string | null;
}

// The only ways an outcome is made, so each kind always carries the same fields.

export const created = (entityType: EntityType, entityId: string): EntityOutcome => ({
  entityType,
  entityId,
  changeType: "created",
  changedFields: null,
  error: null,
});

export const updated = (
  entityType: EntityType,
  entityId: string,
  changedFields: ChangedFields,
): EntityOutcome => ({ entityType, entityId, changeType: "updated", changedFields, error: null });

export const skipped = (entityType: EntityType, entityId: string): EntityOutcome => ({
  entityType,
  entityId,
  changeType: "skipped",
  changedFields: null,
  error: null,
});

export const failed = (entityType: EntityType, entityId: string, error: string): EntityOutcome => ({
  entityType,
  entityId,
  changeType: "failed",
  changedFields: null,
  error,
});

/** Updated when anything differs, skipped when nothing does. */
export const updatedOrSkipped = (
  entityType: EntityType,
  entityId: string,
  changedFields: ChangedFields,
): EntityOutcome =>
  Object.keys(changedFields).length > 0
    ? updated(entityType, entityId, changedFields)
    : skipped(entityType, entityId);
