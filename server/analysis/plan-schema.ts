import { z } from "zod";
import { AnalyzerName, PlanStatus, StashId } from "../domain/vocabulary";
import { ListScenesInput } from "../library/scene-list-schema";

/** The scene list's filters without its paging and order: "the scenes the list shows". */
export const SceneListFilter = ListScenesInput.omit({ sort: true, page: true, pageSize: true });
export type SceneListFilter = z.infer<typeof SceneListFilter>;

/** A selection is bounded so a plan's scope stays one readable row. */
export const MAX_SELECTED_SCENES = 10_000;

/** The scenes a plan reads. */
export const PlanScope = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("library") }),
  z.object({ kind: z.literal("filter"), filter: SceneListFilter }),
  z.object({
    kind: z.literal("selection"),
    sceneIds: z.array(StashId).min(1).max(MAX_SELECTED_SCENES),
  }),
  z.object({ kind: z.literal("scene"), sceneId: StashId }),
]);
export type PlanScope = z.infer<typeof PlanScope>;

export const CreatePlanInput = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).optional(),
  analyzers: z
    .array(AnalyzerName)
    .min(1)
    .refine((names) => new Set(names).size === names.length, "must not repeat an analyzer"),
  scope: PlanScope,
});
export type CreatePlanInput = z.input<typeof CreatePlanInput>;

export const PlanIdInput = z.object({ planId: z.number().int().positive() });
export type PlanIdInput = z.infer<typeof PlanIdInput>;

/** A plan as callers see it: the future API's output schema and the pages' data. */
export const PlanView = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  analyzers: z.array(AnalyzerName),
  scope: PlanScope,
  status: PlanStatus,
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  errorMessage: z.string().nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  scenesWithChanges: z.number().int(),
  changesProposed: z.number().int(),
  /** Its approved changes are being written to Stash now (apply-claim.ts). */
  applying: z.boolean(),
});
export type PlanView = z.infer<typeof PlanView>;
