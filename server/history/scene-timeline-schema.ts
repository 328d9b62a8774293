import { z } from "zod";
import { ChangeView } from "../analysis/review-schema";
import { StashId } from "../domain/vocabulary";

/** The History tab's entries that are not sync logs: Stash's creation and analysis results. */
export const SceneTimelineInput = z.object({ sceneId: StashId });
export type SceneTimelineInput = z.input<typeof SceneTimelineInput>;

export const SceneAnalysisEntry = z.object({
  id: z.number().int(),
  /** 1 for the scene's first analysis, counting up: "Analysis #n" keeps its number as more come. */
  number: z.number().int().positive(),
  planId: z.number().int(),
  planName: z.string(),
  createdAt: z.date(),
  /** What the plan proposed for this scene, with each change's review and, once applied, the sync that recorded it. */
  changes: z.array(ChangeView),
});
export type SceneAnalysisEntry = z.infer<typeof SceneAnalysisEntry>;

export const SceneTimelineSources = z.object({
  /** Stash's created_at, verbatim (RFC3339 with the Stash server's offset). */
  stashCreatedAt: z.string(),
  /** Newest first. */
  analyses: z.array(SceneAnalysisEntry),
});
export type SceneTimelineSources = z.infer<typeof SceneTimelineSources>;
