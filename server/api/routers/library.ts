import { z } from "zod";
import { readSceneFilterOptions } from "../../library/read-scene-filter-options";
import { SceneFilterOptions } from "../../library/scene-list-schema";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const libraryRouter = createTRPCRouter({
  /** The performers, tags and studios the scene list filters by. */
  filterOptions: protectedProcedure
    .input(z.void())
    .output(SceneFilterOptions)
    .query(() => readSceneFilterOptions()),
});
