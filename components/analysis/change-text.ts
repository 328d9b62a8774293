import type { ChangeView } from "@/server/analysis/review-schema";

const MAX_VALUE_LENGTH = 120;

/** A change's value as a person reads it: the text, or the performer/tag/studio's name. */
export function changeValueText(value: ChangeView["current"]): string {
  if (value === null || value === "") return "(empty)";
  const text = typeof value === "string" ? value : value.name;
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

/** "performers: +Ann", "date: (empty) → 2024-01-31". */
export function changeSummary(
  change: Pick<ChangeView, "field" | "action" | "current" | "proposed">,
) {
  if (change.action === "add") return `${change.field}: +${changeValueText(change.proposed)}`;
  if (change.action === "remove") {
    return `${change.field}: −${changeValueText(change.current ?? change.proposed)}`;
  }
  return `${change.field}: ${changeValueText(change.current)} → ${changeValueText(change.proposed)}`;
}
