import { z } from "zod";
import { readLibraryCounts } from "../../library/read-library-counts";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const LibraryCounts = z.object({
  scenes: z.number().int(),
  performers: z.number().int(),
  tags: z.number().int(),
  studios: z.number().int(),
});

export const healthRouter = createTRPCRouter({
  libraryCounts: protectedProcedure
    .input(z.void())
    .output(LibraryCounts)
    .query(() => readLibraryCounts()),
});
