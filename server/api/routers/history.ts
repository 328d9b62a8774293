import { z } from "zod";
import {
  readRecentFailures,
  RecentFailure,
  RecentFailuresInput,
} from "../../history/read-recent-failures";
import { readSceneSyncLogs } from "../../history/read-scene-sync-logs";
import { readSceneTimelineSources } from "../../history/read-scene-timeline-sources";
import { SceneSyncLogsInput, SceneSyncLogsPage } from "../../history/scene-sync-logs-schema";
import { SceneTimelineInput, SceneTimelineSources } from "../../history/scene-timeline-schema";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** What happened to scenes: the History tab's sources and the newest failures. */
export const historyRouter = createTRPCRouter({
  /**
   * The design's sync logs of one scene (its own rows plus full-sync rows, newest first), in the
   * design's snake_case, as the HTTP route answers them.
   */
  sceneSyncLogs: protectedProcedure
    .input(SceneSyncLogsInput)
    .output(SceneSyncLogsPage)
    .query(({ input }) => readSceneSyncLogs(input)),

  /** A scene's timeline entries besides its sync logs (Stash creation, analyses). */
  sceneTimeline: protectedProcedure
    .input(SceneTimelineInput)
    .output(SceneTimelineSources)
    .query(({ input }) => readSceneTimelineSources(input)),

  /** The newest failed entities of any run (the dashboard). */
  recentFailures: protectedProcedure
    .input(RecentFailuresInput)
    .output(z.array(RecentFailure))
    .query(({ input }) => readRecentFailures(input)),
});
