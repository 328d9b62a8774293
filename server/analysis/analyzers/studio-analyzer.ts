import type { Proposal } from "./analyzer-types";
import type { SceneUnderAnalysis } from "./scene-under-analysis";

/**
 * The studio named in the scene's texts, when it differs from the scene's own. Nothing is
 * proposed when the texts also name the current studio (they confirm it), when the studio found
 * is the current one's parent network (less precise, not different), or when two studios are
 * found equally well (ambiguous).
 */
export function analyzeStudio(scene: SceneUnderAnalysis): Proposal[] {
  const found = scene.entities("studio");
  const current = scene.facts.studioId;
  if (current !== null && found.has(current)) return [];
  const parents = current === null ? new Set<string>() : scene.library.ancestorsOf(current);
  const candidates = [...found.values()].filter((studio) => !parents.has(studio.id));
  if (candidates.length === 0) return [];
  const best = Math.max(...candidates.map((studio) => studio.confidence));
  const top = candidates.filter((studio) => studio.confidence === best);
  if (top.length !== 1) return [];
  const studio = top[0]!;
  return [
    {
      field: "studio",
      action: "set",
      current: current === null ? null : scene.library.ref("studio", current),
      proposed: scene.library.ref("studio", studio.id),
      confidence: studio.confidence,
      evidence: studio.evidence,
    },
  ];
}
