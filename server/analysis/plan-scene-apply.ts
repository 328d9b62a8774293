/**
 * What applying a scene's approved changes means against the scene Stash has now: the one
 * sceneUpdate that carries them, and the changes that cannot be applied, each with its reason.
 * Never blind: a change whose `current` is no longer what Stash holds is refused as a conflict.
 * Pure: the caller has read the scene from Stash.
 */
import type { AnalysisField, ChangeAction } from "../domain/vocabulary";
import { valueText } from "../restore/plan-field-restore";
import type { SceneWrite } from "../stash/scene-update";
import type { StashScene } from "../stash/types";
import type { EntityRef, ProposedValue } from "./analyzers/analyzer-types";

export interface ApprovedChange {
  id: number;
  field: AnalysisField;
  action: ChangeAction;
  current: ProposedValue;
  proposed: ProposedValue;
  confidence: number;
}

export interface SceneApplyPlan {
  /** Empty when nothing is left to write. */
  write: SceneWrite;
  /** The changes the write carries. */
  written: number[];
  failed: { id: number; reason: string }[];
}

const refOf = (value: ProposedValue): EntityRef | null =>
  value !== null && typeof value === "object" ? value : null;
const textOf = (value: ProposedValue): string | null => (typeof value === "string" ? value : null);
const blankToNull = (value: string | null) => (value === null || value === "" ? null : value);
const refText = (ref: EntityRef | null | undefined) => (ref ? `“${ref.name}”` : "(none)");

type TextField = "title" | "date" | "details";
const linkNoun = { performers: "performer", tags: "tag" } as const;

/**
 * Plans the write for one scene. Changes are taken by confidence, highest first: when two
 * approved changes set the same field, the first is applied and the other fails.
 */
export function planSceneApply(scene: StashScene, changes: ApprovedChange[]): SceneApplyPlan {
  const ordered = [...changes].sort((a, b) => b.confidence - a.confidence || a.id - b.id);
  const write: SceneWrite = {};
  const written: number[] = [];
  const failed: SceneApplyPlan["failed"] = [];
  const setBy = new Map<AnalysisField, number>();
  const links = {
    performers: scene.performers.map((ref) => ref.id),
    tags: scene.tags.map((ref) => ref.id),
  };

  for (const change of ordered) {
    const reason = refusal(change);
    if (reason) failed.push({ id: change.id, reason });
    else written.push(change.id);
  }
  return { write, written, failed };

  function refusal(change: ApprovedChange): string | null {
    const { field } = change;
    if (field === "performers" || field === "tags") return applyLink(change, field);
    const earlier = setBy.get(field);
    if (earlier !== undefined) {
      return `Another approved ${field} change (#${earlier}) of this scene was applied instead.`;
    }
    if (field === "studio") {
      const now = scene.studio?.id ?? null;
      const seen = refOf(change.current);
      if (now !== (seen?.id ?? null)) {
        return `Conflict: Stash now has studio ${refText(scene.studio)}; the plan saw ${refText(seen)}.`;
      }
      write.studioId = refOf(change.proposed)?.id ?? null;
    } else {
      const now = blankToNull(scene[field satisfies TextField]);
      const seen = blankToNull(textOf(change.current));
      if (now !== seen) {
        return `Conflict: Stash now has ${field} ${valueText(now)}; the plan saw ${valueText(seen)}.`;
      }
      write[field] = textOf(change.proposed);
    }
    setBy.set(field, change.id);
    return null;
  }

  function applyLink(change: ApprovedChange, field: "performers" | "tags"): string | null {
    const ref = refOf(
      change.action === "remove" ? (change.current ?? change.proposed) : change.proposed,
    );
    if (!ref) return `This ${field} change names no ${linkNoun[field]}.`;
    const ids = links[field];
    const linked = ids.includes(ref.id);
    if (change.action === "add" && linked) {
      return `Conflict: Stash already links ${linkNoun[field]} ${refText(ref)} to this scene.`;
    }
    if (change.action === "remove" && !linked) {
      return `Conflict: Stash no longer links ${linkNoun[field]} ${refText(ref)} to this scene.`;
    }
    if (change.action === "set") return `A ${field} change adds or removes one ${linkNoun[field]}.`;
    links[field] = change.action === "add" ? [...ids, ref.id] : ids.filter((id) => id !== ref.id);
    if (field === "performers") write.performerIds = links.performers;
    else write.tagIds = links.tags;
    return null;
  }
}
