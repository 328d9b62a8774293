import { readSceneTimelineSources } from "../../history/read-scene-timeline-sources";
import { SceneTimelineInput, SceneTimelineSources } from "../../history/scene-timeline-schema";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const historyRouter = createTRPCRouter({
  /** A scene's timeline entries besides its sync logs (Stash creation, analyses). */
  sceneTimeline: protectedProcedure
    .input(SceneTimelineInput)
    .output(SceneTimelineSources)
    .query(({ input }) => readSceneTimelineSources(input)),
});
