import { readSceneSyncLogs } from "../../history/read-scene-sync-logs";
import { SceneSyncLogsInput, SceneSyncLogsPage } from "../../history/scene-sync-logs-schema";
import { listScenes } from "../../library/list-scenes";
import { readSceneDetails } from "../../library/read-scene-details";
import { SceneDetails, SceneDetailsInput } from "../../library/scene-details-schema";
import { ListScenesInput, SceneListPage } from "../../library/scene-list-schema";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const scenesRouter = createTRPCRouter({
  /** The scene list: search (title, path), filters, sort and a page. */
  list: protectedProcedure
    .input(ListScenesInput)
    .output(SceneListPage)
    .query(({ input }) => listScenes(input)),

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
