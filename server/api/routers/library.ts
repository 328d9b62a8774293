import { z } from "zod";
import { listScenes } from "../../library/list-scenes";
import { readLibraryCounts } from "../../library/read-library-counts";
import { readSceneDetails } from "../../library/read-scene-details";
import { readSceneFilterOptions } from "../../library/read-scene-filter-options";
import { SceneDetails, SceneDetailsInput } from "../../library/scene-details-schema";
import {
  ListScenesInput,
  SceneFilterOptions,
  SceneListPage,
} from "../../library/scene-list-schema";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const LibraryCounts = z.object({
  scenes: z.number().int(),
  performers: z.number().int(),
  tags: z.number().int(),
  studios: z.number().int(),
});

/** The mirrored library: scenes, what they can be filtered by, and how much there is. */
export const libraryRouter = createTRPCRouter({
  /** The scene list: search (title, path), filters, sort and a page. */
  scenes: protectedProcedure
    .input(ListScenesInput)
    .output(SceneListPage)
    .query(({ input }) => listScenes(input)),

  scene: protectedProcedure
    .input(SceneDetailsInput)
    .output(SceneDetails)
    .query(({ input }) => readSceneDetails(input)),

  /** The performers, tags and studios the scene list filters by. */
  filterOptions: protectedProcedure
    .input(z.void())
    .output(SceneFilterOptions)
    .query(() => readSceneFilterOptions()),

  /** How much of the library is mirrored (what is still present in Stash). */
  counts: protectedProcedure
    .input(z.void())
    .output(LibraryCounts)
    .query(() => readLibraryCounts()),
});
