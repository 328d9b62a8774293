import { z } from "zod";
import { WatchView } from "../../watch/watch-schema";
import { readWatch } from "../../watch/watch-settings";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** Watch mode as the dashboard shows it (saved from Settings through a server action). */
export const watchRouter = createTRPCRouter({
  status: protectedProcedure
    .input(z.void())
    .output(WatchView)
    .query(() => readWatch()),
});
