/**
 * What restoring one field of a History entry means against the scene Stash has now: the value
 * it would write, whether Stash still holds what the entry changed the field to (else a
 * conflict a person or program must confirm), and the links it puts back. Pure: the caller has
 * read the scene from Stash.
 */
import { isListChange, type FieldChange, type ScalarChange } from "../domain/changed-fields";
import type { SceneWrite } from "../stash/scene-update";
import type { StashRef, StashScene } from "../stash/types";
import type { FieldValue, RestoreField } from "./restore-schema";

export type LinkType = "performer" | "tag" | "studio";

export interface FieldPlan {
  field: RestoreField;
  current: FieldValue;
  currentText: string;
  target: FieldValue;
  targetText: string;
  /** Stash no longer has the value this entry changed the field to. */
  conflict: boolean;
  /** Links the write puts back: Stash must still have them. */
  relinks: { type: LinkType; id: string; name: string }[];
  write: SceneWrite;
}

export type PlanOutcome = { ok: true; plan: FieldPlan } | { ok: false; error: string };

const EMPTY = "(empty)";
const NONE = "(none)";

/** A value as a person reads it in "Stash now has X; restoring sets Y". */
export function valueText(value: string | number | boolean | null): string {
  if (value === null || value === "") return EMPTY;
  return typeof value === "string" ? `“${value}”` : String(value);
}

const listText = (names: string[]) => (names.length ? names.join(", ") : NONE);

const unreadable = (field: string): PlanOutcome => ({
  ok: false,
  error: `This entry's ${field} change cannot be read by this version of stash-sync.`,
});

const withoutIds = (field: string): PlanOutcome => ({
  ok: false,
  error: `This entry recorded ${field} by name only (before stash-sync kept Stash ids), so it cannot say which ones to link: change ${field} in Stash itself.`,
});

type ScalarField = "title" | "code" | "details" | "director" | "date" | "rating100" | "organized";

const scalarKind: Record<ScalarField, "string" | "number" | "boolean"> = {
  title: "string",
  code: "string",
  details: "string",
  director: "string",
  date: "string",
  rating100: "number",
  organized: "boolean",
};

function planScalar(field: ScalarField, change: ScalarChange, scene: StashScene): PlanOutcome {
  const kind = scalarKind[field];
  const fits = (v: unknown) => typeof v === kind || (v === null && kind !== "boolean");
  if (!fits(change.from) || !fits(change.to)) return unreadable(field);
  const current = scene[field];
  const target = change.from;
  return {
    ok: true,
    plan: {
      field,
      current,
      currentText: valueText(current),
      target,
      targetText: valueText(target),
      conflict: current !== change.to,
      relinks: [],
      write: { [field]: target } as SceneWrite,
    },
  };
}

/** Undoes a list change on the list Stash has now: the entry's additions out, its removals back. */
function undoListChange(current: string[], added: string[], removed: string[]) {
  const inEffect =
    added.every((x) => current.includes(x)) && removed.every((x) => !current.includes(x));
  const kept = current.filter((x) => !added.includes(x));
  const putBack = removed.filter((x) => !current.includes(x));
  return { inEffect, target: [...kept, ...putBack], putBack };
}

function planUrls(change: FieldChange, scene: StashScene): PlanOutcome {
  if (!isListChange(change)) return unreadable("urls");
  const { inEffect, target } = undoListChange(scene.urls, change.added, change.removed);
  return {
    ok: true,
    plan: {
      field: "urls",
      current: scene.urls,
      currentText: listText(scene.urls),
      target,
      targetText: listText(target),
      conflict: !inEffect,
      relinks: [],
      write: { urls: target },
    },
  };
}

function planStudio(change: FieldChange, scene: StashScene): PlanOutcome {
  if (isListChange(change)) return unreadable("studio");
  if (!change.ids) return withoutIds("the studio");
  const current = scene.studio?.id ?? null;
  const target = change.ids.from;
  const name = typeof change.from === "string" ? change.from : (target ?? "");
  return {
    ok: true,
    plan: {
      field: "studio",
      current,
      currentText: scene.studio ? `“${scene.studio.name}”` : NONE,
      target,
      targetText: target === null ? NONE : `“${name}”`,
      conflict: current !== change.ids.to,
      relinks: target !== null && target !== current ? [{ type: "studio", id: target, name }] : [],
      write: { studioId: target },
    },
  };
}

function planLinks(field: "performers" | "tags", change: FieldChange, scene: StashScene) {
  if (!isListChange(change)) return unreadable(field);
  if (!change.ids) return withoutIds(field);
  const refs: StashRef[] = scene[field];
  const current = refs.map((r) => r.id);
  const { inEffect, target, putBack } = undoListChange(
    current,
    change.ids.added,
    change.ids.removed,
  );
  // Names of the links put back come from the entry (Stash may have renamed them since).
  const removedName = new Map(change.ids.removed.map((id, i) => [id, change.removed[i] ?? id]));
  const nameOf = (id: string) => refs.find((r) => r.id === id)?.name ?? removedName.get(id) ?? id;
  const type: LinkType = field === "performers" ? "performer" : "tag";
  return {
    ok: true,
    plan: {
      field,
      current,
      currentText: listText(current.map(nameOf)),
      target,
      targetText: listText(target.map(nameOf)),
      conflict: !inEffect,
      relinks: putBack.map((id) => ({ type, id, name: nameOf(id) })),
      write: field === "performers" ? { performerIds: target } : { tagIds: target },
    },
  } satisfies PlanOutcome;
}

export function planFieldRestore(
  field: RestoreField,
  change: FieldChange,
  scene: StashScene,
): PlanOutcome {
  switch (field) {
    case "urls":
      return planUrls(change, scene);
    case "studio":
      return planStudio(change, scene);
    case "performers":
    case "tags":
      return planLinks(field, change, scene);
    default:
      return isListChange(change) ? unreadable(field) : planScalar(field, change, scene);
  }
}

/** Whether the caller's expected value is what Stash has now (links compared as sets). */
export function expectedMatches(plan: FieldPlan, expected: FieldValue | undefined): boolean {
  if (expected === undefined) return false;
  const { current } = plan;
  if (Array.isArray(current) && Array.isArray(expected)) {
    if (plan.field === "urls") return JSON.stringify(current) === JSON.stringify(expected);
    return current.length === expected.length && current.every((id) => expected.includes(id));
  }
  return current === expected;
}
