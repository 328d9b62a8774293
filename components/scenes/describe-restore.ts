import { isListChange, type FieldChange } from "@/server/domain/changed-fields";
import { RestoreField } from "@/server/restore/restore-schema";
import type { SyncLogEntry } from "@/server/history/scene-sync-logs-schema";
import { showValue } from "./changed-fields-list";

/** The fields of an entry that Restore can write back, in the order the list shows them. */
export function restorableFields(log: SyncLogEntry, sceneId: string): RestoreField[] {
  if (log.entity_id !== sceneId || log.change_type !== "updated" || !log.changed_fields) return [];
  const changed = log.changed_fields;
  return RestoreField.options.filter((field) => changed[field] !== undefined);
}

/** What restoring a field of the entry sets, before Stash is asked: "back to “Old”". */
export function describeRestore(change: FieldChange): string {
  if (!isListChange(change)) return `back to ${showValue(change.from)}`;
  const parts = [
    change.removed.length ? `put back ${change.removed.join(", ")}` : "",
    change.added.length ? `take off ${change.added.join(", ")}` : "",
  ];
  return parts.filter(Boolean).join("; ");
}
