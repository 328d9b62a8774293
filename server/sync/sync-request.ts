import { z } from "zod";
import { StashId } from "../domain/vocabulary";

/** What a caller may ask for; shared by the tRPC API, server actions and the CLI. */
export const SyncRequest = z.discriminatedUnion("type", [
  z.object({ type: z.literal("full") }),
  z.object({ type: z.literal("incremental") }),
  z.object({
    type: z.literal("specific"),
    sceneIds: z
      .array(StashId)
      .min(1, "name at least one scene")
      .max(10_000, "at most 10,000 scenes per run")
      .transform((ids) => [...new Set(ids)]),
  }),
]);

export type SyncRequest = z.infer<typeof SyncRequest>;
