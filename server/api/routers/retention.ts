import { z } from "zod";
import {
  RetentionReport,
  RetentionSettings,
  RetentionView,
} from "../../retention/retention-schema";
import { readRetentionView, saveRetentionSettings } from "../../retention/retention-settings";
import { runRetentionAndRecord } from "../../retention/run-retention";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** History retention: how long sync history is kept, and cleaning up now. */
export const retentionRouter = createTRPCRouter({
  get: protectedProcedure
    .input(z.void())
    .output(RetentionView)
    .query(() => readRetentionView()),

  save: protectedProcedure
    .input(RetentionSettings)
    .output(RetentionView)
    .mutation(({ input }) => saveRetentionSettings(input)),

  /** "Run cleanup now": answers when the cleanup is done, with what it removed. */
  run: protectedProcedure
    .input(z.void())
    .output(RetentionReport)
    .mutation(() => runRetentionAndRecord()),
});
