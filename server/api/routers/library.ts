import { z } from "zod";
import { checkStashConnection } from "../../connection/check-stash-connection";
import { StashConnectionStatus, StashSettingsView } from "../../connection/stash-connection-schema";
import { readStashSettingsView } from "../../connection/stash-settings";
import { readSceneFilterOptions } from "../../library/read-scene-filter-options";
import { SceneFilterOptions } from "../../library/scene-list-schema";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const libraryRouter = createTRPCRouter({
  /** The performers, tags and studios the scene list filters by. */
  filterOptions: protectedProcedure
    .input(z.void())
    .output(SceneFilterOptions)
    .query(() => readSceneFilterOptions()),

  /** Whether the configured Stash answers, its version and scene count. */
  stashStatus: protectedProcedure
    .input(z.void())
    .output(StashConnectionStatus)
    .query(() => checkStashConnection()),

  /** The Stash connection settings without the API key (only whether one is set). */
  stashSettings: protectedProcedure
    .input(z.void())
    .output(StashSettingsView)
    .query(() => readStashSettingsView()),
});
