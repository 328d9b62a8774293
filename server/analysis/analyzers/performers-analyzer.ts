import type { Proposal } from "./analyzer-types";
import type { SceneUnderAnalysis } from "./scene-under-analysis";

/** Performers named in the scene's path, file name, title or details that it does not list. */
export function analyzePerformers(scene: SceneUnderAnalysis): Proposal[] {
  const listed = new Set(scene.facts.performerIds);
  return [...scene.entities("performer").values()]
    .filter((found) => !listed.has(found.id))
    .map((found) => ({
      field: "performers",
      action: "add",
      current: null,
      proposed: scene.library.ref("performer", found.id),
      confidence: found.confidence,
      evidence: found.evidence,
    }));
}
