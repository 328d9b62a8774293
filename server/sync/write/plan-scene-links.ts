import type { SqlValue } from "../../db/sql-dialect";
import type { StashRef, StashScene } from "../../stash/types";
import type { RefType } from "../compare/ref-specs";
import type { SceneRecord } from "../compare/scene-record";
import type { RunContext } from "../run-context";
import { fileRow, sameFile } from "./scene-rows";

interface LinkChanges {
  added: SqlValue[][];
  removed: SqlValue[][];
}

/**
 * Which link rows to add and remove: all of a new scene's; for a changed scene only those that
 * differ from what is stored. Rewriting every link of every changed scene would churn the
 * tag and performer indexes (random positions, the costliest writes of a sync) for edits that
 * did not touch links at all.
 */
export function planLinks(
  created: StashScene[],
  changed: { scene: StashScene; old: SceneRecord | undefined }[],
  knownRefs: RunContext["knownRefs"],
) {
  const performers: LinkChanges = { added: [], removed: [] };
  const tags: LinkChanges = { added: [], removed: [] };
  const files: LinkChanges = { added: [], removed: [] };
  const refs: { type: RefType; ref: StashRef }[] = [];
  // Scenes whose stored links could not be read: replace them whole.
  const unknownBefore: string[] = [];

  // Most links are to refs already stored: only the others need a stub.
  const addRef = (type: RefType, ref: StashRef) => {
    if (!knownRefs.get(type)?.has(ref.id)) refs.push({ type, ref });
  };

  const diffIds = (
    type: RefType,
    sceneId: string,
    before: StashRef[],
    after: StashRef[],
    into: LinkChanges,
  ) => {
    const beforeIds = new Set(before.map((x) => x.id));
    const afterIds = new Set(after.map((x) => x.id));
    for (const x of after) {
      if (beforeIds.has(x.id)) continue;
      into.added.push([sceneId, x.id]);
      addRef(type, x);
    }
    for (const x of before) if (!afterIds.has(x.id)) into.removed.push([sceneId, x.id]);
  };

  // A new scene: every link is added. The first sync plans 100,000 of these, so no sets.
  const linkNew = (scene: StashScene) => {
    if (scene.studio) addRef("studio", scene.studio);
    for (const p of scene.performers) {
      performers.added.push([scene.id, p.id]);
      addRef("performer", p);
    }
    for (const t of scene.tags) {
      tags.added.push([scene.id, t.id]);
      addRef("tag", t);
    }
    scene.files.forEach((f, position) => files.added.push(fileRow(scene.id, position, f)));
  };

  const link = (scene: StashScene, old: SceneRecord) => {
    if (scene.studio && scene.studio.id !== old.studio?.id) addRef("studio", scene.studio);
    diffIds("performer", scene.id, old.performers, scene.performers, performers);
    diffIds("tag", scene.id, old.tags, scene.tags, tags);
    const oldFiles = new Map(old.files.map((f, position) => [f.id, { f, position }]));
    scene.files.forEach((f, position) => {
      const stored = oldFiles.get(f.id);
      if (!stored || stored.position !== position || !sameFile(stored.f, f)) {
        files.added.push(fileRow(scene.id, position, f));
      }
    });
    const newFileIds = new Set(scene.files.map((f) => f.id));
    for (const id of oldFiles.keys()) if (!newFileIds.has(id)) files.removed.push([scene.id, id]);
  };

  for (const scene of created) linkNew(scene);
  for (const { scene, old } of changed) {
    if (old) link(scene, old);
    else {
      unknownBefore.push(scene.id);
      linkNew(scene);
    }
  }
  return { performers, tags, files, refs, unknownBefore };
}
