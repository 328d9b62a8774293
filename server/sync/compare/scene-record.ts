import type { StashRef, StashScene } from "../../stash/types";

/**
 * A scene normalized for comparison: links sorted by id, text as Stash sent it. Both sides of
 * a comparison (Stash's payload and our stored row) are brought into this shape.
 */
export type SceneRecord = Omit<StashScene, "createdAt" | "updatedAt">;

/** Links in a record are sorted by id (string order). */
export const byId = (a: StashRef, b: StashRef) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function sceneRecordFromStash(scene: StashScene): SceneRecord {
  return {
    id: scene.id,
    title: scene.title,
    code: scene.code,
    details: scene.details,
    director: scene.director,
    urls: scene.urls,
    date: scene.date,
    rating100: scene.rating100,
    organized: scene.organized,
    oCounter: scene.oCounter,
    studio: scene.studio,
    performers: [...scene.performers].sort(byId),
    tags: [...scene.tags].sort(byId),
    groups: [...scene.groups].sort(byId),
    files: scene.files,
  };
}
