import { z } from "zod";
import { checkStashConnection } from "../../connection/check-stash-connection";
import { StashConnectionStatus, StashSettingsView } from "../../connection/stash-connection-schema";
import { readStashSettingsView } from "../../connection/stash-settings";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** The connection to Stash: whether it answers, and its settings. */
export const connectionRouter = createTRPCRouter({
  /** Whether the configured Stash answers, its version and scene count. */
  status: protectedProcedure
    .input(z.void())
    .output(StashConnectionStatus)
    .query(() => checkStashConnection()),

  /** The Stash connection settings without the API key (only whether one is set). */
  settings: protectedProcedure
    .input(z.void())
    .output(StashSettingsView)
    .query(() => readStashSettingsView()),
});
