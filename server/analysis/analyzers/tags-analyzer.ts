import type { Proposal } from "./analyzer-types";
import type { SceneUnderAnalysis } from "./scene-under-analysis";

/** Tags named in the scene's path, file name, title or details that it does not have. */
export function analyzeTags(scene: SceneUnderAnalysis): Proposal[] {
  const listed = new Set(scene.facts.tagIds);
  return [...scene.entities("tag").values()]
    .filter((found) => !listed.has(found.id))
    .map((found) => ({
      field: "tags",
      action: "add",
      current: null,
      proposed: scene.library.ref("tag", found.id),
      confidence: found.confidence,
      evidence: found.evidence,
    }));
}
