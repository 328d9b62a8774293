import { readRunTrend } from "../../stats/read-run-trend";
import { readRunsPerDay } from "../../stats/read-runs-per-day";
import { readTopFailures } from "../../stats/read-top-failures";
import {
  RunsPerDay,
  RunTrend,
  StatsRangeInput,
  TopFailures,
  TopFailuresInput,
} from "../../stats/stats-schema";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** The Statistics page's figures; the same numbers for outside programs. */
export const statsRouter = createTRPCRouter({
  runsPerDay: protectedProcedure
    .input(StatsRangeInput)
    .output(RunsPerDay)
    .query(({ input }) => readRunsPerDay(input)),

  runTrend: protectedProcedure
    .input(StatsRangeInput)
    .output(RunTrend)
    .query(({ input }) => readRunTrend(input)),

  topFailures: protectedProcedure
    .input(TopFailuresInput)
    .output(TopFailures)
    .query(({ input }) => readTopFailures(input)),
});
