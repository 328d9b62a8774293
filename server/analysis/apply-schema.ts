import { z } from "zod";
import { AnalysisField } from "../domain/vocabulary";

export const ApplyPlanInput = z.object({ planId: z.number().int().positive() });
export type ApplyPlanInput = z.infer<typeof ApplyPlanInput>;

/** How one approved change ended. */
export const AppliedChange = z.object({
  changeId: z.number().int(),
  sceneId: z.string(),
  field: AnalysisField,
  status: z.enum(["applied", "failed"]),
  /** Why it failed; null when applied. */
  reason: z.string().nullable(),
});
export type AppliedChange = z.infer<typeof AppliedChange>;

/** The specific sync that recorded the written scenes. */
export const ApplySync = z.object({
  /** Null when another sync was running: that one (or the next) records the writes. */
  jobId: z.string().nullable(),
  status: z.string(),
});

export const ApplyPlanResult = z.object({
  planId: z.number().int(),
  applied: z.number().int(),
  failed: z.number().int(),
  /** Scenes Stash was sent one sceneUpdate each for. */
  scenesWritten: z.number().int(),
  changes: z.array(AppliedChange),
  syncs: z.array(ApplySync),
});
export type ApplyPlanResult = z.infer<typeof ApplyPlanResult>;
