import type { StashRef, StashScene } from "../../stash/types";
import { contentHash } from "./content-hash";

/**
 * A scene normalized for comparison: links sorted by id, text as Stash sent it. Both sides of
 * a comparison (Stash's payload and our stored row) are brought into this shape.
 */
export type SceneRecord = Omit<StashScene, "createdAt" | "updatedAt">;

/** Links in a record are sorted by id (string order). */
export const byId = (a: StashRef, b: StashRef) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Ids in the order byId gives: string order, as `<` compares them. */
const sortedIds = (refs: StashRef[]) => refs.map((r) => r.id).sort();

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
    files: scene.files,
  };
}

/**
 * The hash covers content and link ids, not link names: renaming a tag is a change of the tag,
 * not of every scene carrying it. Stash's timestamps are excluded: an edit that was undone
 * leaves the content, and so the hash, as it was. Link ids are sorted here, so a scene as
 * Stash sends it is hashed without first building its SceneRecord.
 */
export function sceneContentHash(record: SceneRecord | StashScene): string {
  return contentHash([
    record.title,
    record.code,
    record.details,
    record.director,
    record.urls,
    record.date,
    record.rating100,
    record.organized,
    record.oCounter,
    record.studio?.id ?? null,
    sortedIds(record.performers),
    sortedIds(record.tags),
    record.files.map((f) => [
      f.id,
      f.path,
      f.basename,
      f.size,
      f.duration,
      f.width,
      f.height,
      f.videoCodec,
      f.audioCodec,
      f.frameRate,
      f.bitRate,
      f.fingerprints.map((fp) => [fp.type, fp.value]),
    ]),
  ]);
}
