import type { ReactNode } from "react";
import {
  isListChange,
  type ChangedFields,
  type ScalarChange,
} from "@/server/domain/changed-fields";

const MAX_VALUE_LENGTH = 120;

export function showValue(value: ScalarChange["from"]): string {
  if (value === null || value === "") return "(empty)";
  const text = String(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

/**
 * What a sync changed: "title: Old → New", "tags: +added −removed". `action` adds a control
 * after a field's line (the History's per-field Restore).
 */
export function ChangedFieldsList({
  changes,
  action,
}: {
  changes: ChangedFields;
  action?: (field: string) => ReactNode;
}) {
  const fields = Object.entries(changes);
  if (fields.length === 0) return null;
  return (
    <ul aria-label="Changed fields" className="flex flex-col gap-0.5 text-sm">
      {fields.map(([field, change]) => (
        <li key={field} className="break-words">
          <span className="font-medium">{field}:</span>{" "}
          {isListChange(change) ? (
            <>
              {change.added.map((name) => (
                <span key={`+${name}`} className="mr-1.5 text-event-green">
                  +{name}
                </span>
              ))}
              {change.removed.map((name) => (
                <span key={`-${name}`} className="mr-1.5 text-event-red">
                  −{name}
                </span>
              ))}
            </>
          ) : (
            <>
              <span className="text-muted-foreground">{showValue(change.from)}</span>
              <span aria-hidden="true"> → </span>
              <span className="sr-only"> changed to </span>
              <span>{showValue(change.to)}</span>
            </>
          )}
          {action?.(field)}
        </li>
      ))}
    </ul>
  );
}
