import { readSceneSyncLogs } from "../../history/read-scene-sync-logs";
import { SceneSyncLogsInput, SceneSyncLogsPage } from "../../history/scene-sync-logs-schema";
import { readSceneDetails } from "../../library/read-scene-details";
import { SceneDetails, SceneDetailsInput } from "../../library/scene-details-schema";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const scenesRouter = createTRPCRouter({
  get: protectedProcedure
    .input(SceneDetailsInput)
    .output(SceneDetails)
    .query(({ input }) => readSceneDetails(input)),

  /** The design's sync logs of one scene: its own rows plus full-sync rows, newest first. */
  syncLogs: protectedProcedure
    .input(SceneSyncLogsInput)
    .output(SceneSyncLogsPage)
    .query(({ input }) => readSceneSyncLogs(input)),
});
