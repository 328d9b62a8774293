import { z } from "zod";
import { StashId } from "../domain/vocabulary";

/** The Stash hooks stash-sync acts on: `<object>.<operation>.Post` (pkg/plugin/hook in Stash). */
export const stashHookTypes = [
  "Scene.Create.Post",
  "Scene.Update.Post",
  "Scene.Destroy.Post",
  "Performer.Create.Post",
  "Performer.Update.Post",
  "Performer.Destroy.Post",
  "Tag.Create.Post",
  "Tag.Update.Post",
  "Tag.Merge.Post",
  "Tag.Destroy.Post",
  "Studio.Create.Post",
  "Studio.Update.Post",
  "Studio.Destroy.Post",
] as const;

export const StashHookType = z.enum(stashHookTypes, {
  error: (issue) =>
    `is not a hook stash-sync acts on (got ${JSON.stringify(issue.input)}); it takes Scene, Performer, Tag and Studio Create/Update/Destroy.Post`,
});

/** What stash-sync's Stash plugin POSTs for each hook: the trigger type and the object's id. */
export const StashHookInput = z.object({
  type: StashHookType,
  // Stash's hookContext.id is a number; a string of digits is taken too.
  id: z.union([z.number().int().nonnegative().transform(String), StashId]),
});
export type StashHookInput = z.infer<typeof StashHookInput>;

export const StashHookAnswer = z.object({
  /** The hook is noted; its sync starts after a short quiet period. */
  accepted: z.literal(true),
  /** Scenes and other objects waiting for that sync, this hook's included. */
  pendingScenes: z.number().int(),
  pendingOthers: z.number().int(),
});
export type StashHookAnswer = z.infer<typeof StashHookAnswer>;
