import type { Proposal } from "./analyzer-types";
import { findMarkup } from "./clean-html";
import type { SceneUnderAnalysis } from "./scene-under-analysis";

/** Cleaning markup is mechanical, but it may drop something a person meant (a link target). */
const DETAILS_CONFIDENCE = 0.9;

/** The scene's details without HTML, when they contain some. */
export function analyzeDetails(scene: SceneUnderAnalysis): Proposal[] {
  const details = scene.facts.details;
  const cleaned = scene.plainDetails();
  if (details === null || cleaned === null || cleaned === details) return [];
  const markup = findMarkup(details);
  return [
    {
      field: "details",
      action: "set",
      current: details,
      proposed: cleaned,
      confidence: DETAILS_CONFIDENCE,
      // The evidence points at the first markup in the details as stored.
      evidence: markup
        ? [{ source: "rawDetails", text: details.slice(markup.start, markup.end), ...markup }]
        : [],
    },
  ];
}
