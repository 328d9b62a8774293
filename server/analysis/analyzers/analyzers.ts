import type { AnalyzerName } from "../../domain/vocabulary";
import type { Proposal } from "./analyzer-types";
import { analyzeDate } from "./date-analyzer";
import { analyzeDetails } from "./details-analyzer";
import { analyzePerformers } from "./performers-analyzer";
import type { SceneUnderAnalysis } from "./scene-under-analysis";
import { analyzeStudio } from "./studio-analyzer";
import { analyzeTags } from "./tags-analyzer";
import { analyzeTitle } from "./title-analyzer";

export type Analyzer = (scene: SceneUnderAnalysis) => Proposal[];

/** Every analyzer by the name a plan chooses it by. */
export const analyzers: Record<AnalyzerName, Analyzer> = {
  performers: analyzePerformers,
  studio: analyzeStudio,
  tags: analyzeTags,
  date: analyzeDate,
  title: analyzeTitle,
  details: analyzeDetails,
};

/** Every proposal the chosen analyzers make for one scene, in the order they were chosen. */
export function analyzeScene(
  scene: SceneUnderAnalysis,
  chosen: readonly AnalyzerName[],
): Proposal[] {
  return chosen.flatMap((name) => analyzers[name](scene));
}
