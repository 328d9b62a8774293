import { z } from "zod";
import {
  RetentionReport,
  RetentionSettings,
  RetentionView,
} from "../../retention/retention-schema";
import { readRetentionView, saveRetentionSettings } from "../../retention/retention-settings";
import { runRetentionAndRecord } from "../../retention/run-retention";
import { ScheduleSettingsInput, ScheduleView } from "../../schedule/schedule-schema";
import { readSchedule, saveScheduleSettings } from "../../schedule/schedule-settings";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** The server's own jobs: the sync schedule and history retention. */
export const maintenanceRouter = createTRPCRouter({
  schedule: protectedProcedure
    .input(z.void())
    .output(ScheduleView)
    .query(() => readSchedule()),

  saveSchedule: protectedProcedure
    .input(ScheduleSettingsInput)
    .output(ScheduleView)
    .mutation(({ input }) => saveScheduleSettings(input)),

  retention: protectedProcedure
    .input(z.void())
    .output(RetentionView)
    .query(() => readRetentionView()),

  saveRetention: protectedProcedure
    .input(RetentionSettings)
    .output(RetentionView)
    .mutation(({ input }) => saveRetentionSettings(input)),

  /** "Run cleanup now": answers when the cleanup is done, with what it removed. */
  runRetention: protectedProcedure
    .input(z.void())
    .output(RetentionReport)
    .mutation(() => runRetentionAndRecord()),
});
