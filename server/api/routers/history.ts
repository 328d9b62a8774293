import { z } from "zod";
import {
  readRecentFailures,
  RecentFailure,
  RecentFailuresInput,
} from "../../history/read-recent-failures";
import { readSceneTimelineSources } from "../../history/read-scene-timeline-sources";
import { SceneTimelineInput, SceneTimelineSources } from "../../history/scene-timeline-schema";
import { readLastRunOfEachType } from "../../sync/read-sync-runs";
import { SyncRunView } from "../../sync/sync-run-view";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const LastRuns = z.object({
  full: SyncRunView.optional(),
  incremental: SyncRunView.optional(),
  specific: SyncRunView.optional(),
});

export const historyRouter = createTRPCRouter({
  /** A scene's timeline entries besides its sync logs (Stash creation, analyses). */
  sceneTimeline: protectedProcedure
    .input(SceneTimelineInput)
    .output(SceneTimelineSources)
    .query(({ input }) => readSceneTimelineSources(input)),

  /** The newest run of each sync type (the dashboard). */
  lastRuns: protectedProcedure
    .input(z.void())
    .output(LastRuns)
    .query(() => readLastRunOfEachType()),

  /** The newest failed entities of any run (the dashboard). */
  recentFailures: protectedProcedure
    .input(RecentFailuresInput)
    .output(z.array(RecentFailure))
    .query(({ input }) => readRecentFailures(input)),
});
