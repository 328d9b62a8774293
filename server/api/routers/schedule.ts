import { z } from "zod";
import { ScheduleSettingsInput, ScheduleView } from "../../schedule/schedule-schema";
import { readSchedule, saveScheduleSettings } from "../../schedule/schedule-settings";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** The sync schedule: its settings, its next and last runs. */
export const scheduleRouter = createTRPCRouter({
  get: protectedProcedure
    .input(z.void())
    .output(ScheduleView)
    .query(() => readSchedule()),

  save: protectedProcedure
    .input(ScheduleSettingsInput)
    .output(ScheduleView)
    .mutation(({ input }) => saveScheduleSettings(input)),
});
