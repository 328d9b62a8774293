import type { SceneSearchRow } from "../../db/text-search";
import type { StashScene } from "../../stash/types";

const lines = (texts: string[]) => (texts.length > 0 ? texts.join("\n") : null);

/**
 * What the search index holds for a scene, from the record being written, so the page's
 * transaction updates the index without reading the rows it has just written. The
 * migration that created the index builds the same text from the stored rows.
 */
export function sceneSearchRow(scene: StashScene, stored: boolean): SceneSearchRow {
  return {
    sceneId: scene.id,
    stored,
    title: scene.title,
    paths: lines(scene.files.map((f) => f.path)),
  };
}
