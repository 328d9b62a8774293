import { z } from "zod";
import { SyncStatus, SyncType } from "../domain/vocabulary";

const MAX_RANGE_DAYS = 1100;

/** A date range: `from` inclusive, `to` exclusive. Days are UTC days. */
export const StatsRangeInput = z
  .object({ from: z.date(), to: z.date() })
  .refine((r) => r.from.getTime() < r.to.getTime(), {
    message: "from must be before to",
    path: ["to"],
  })
  .refine((r) => r.to.getTime() - r.from.getTime() <= MAX_RANGE_DAYS * 86_400_000, {
    message: `the range may span at most ${MAX_RANGE_DAYS} days`,
    path: ["from"],
  });
export type StatsRangeInput = z.infer<typeof StatsRangeInput>;

export const RunsOnDay = z.object({
  /** YYYY-MM-DD (UTC). */
  day: z.string(),
  total: z.number().int(),
  byStatus: z.record(SyncStatus, z.number().int()),
  /** completed ÷ runs that ended (not running); null on a day without ended runs. */
  successRate: z.number().nullable(),
});
export type RunsOnDay = z.infer<typeof RunsOnDay>;

export const RunsPerDay = z.object({ days: z.array(RunsOnDay) });
export type RunsPerDay = z.infer<typeof RunsPerDay>;

export const RunPoint = z.object({
  jobId: z.string(),
  syncType: SyncType,
  status: SyncStatus,
  startedAt: z.date(),
  /** null while running (or when a crash left no end time). */
  durationMs: z.number().int().nullable(),
  /** created + updated. */
  entitiesChanged: z.number().int(),
  itemsFailed: z.number().int(),
});
export type RunPoint = z.infer<typeof RunPoint>;

export const RUN_TREND_MAX_POINTS = 2_000;

export const RunTrend = z.object({
  /** Oldest first; the newest RUN_TREND_MAX_POINTS of the range. */
  runs: z.array(RunPoint),
  /** The range held more runs than the chart shows. */
  truncated: z.boolean(),
});
export type RunTrend = z.infer<typeof RunTrend>;

export const FailureGroup = z.object({
  /** The message with numbers (ids, counts) replaced by "#", so variants of one failure group. */
  message: z.string(),
  /** Failed entity rows, plus failed runs whose message no entity row repeats. */
  count: z.number().int(),
  lastSeenAt: z.date(),
  /** The most recent runs with this failure, newest first (at most 5). */
  runs: z.array(z.object({ jobId: z.string(), startedAt: z.date() })),
});
export type FailureGroup = z.infer<typeof FailureGroup>;

export const TopFailuresInput = z.object({
  range: StatsRangeInput,
  limit: z.number().int().min(1).max(50).default(10),
});
export type TopFailuresInput = z.input<typeof TopFailuresInput>;

export const TopFailures = z.object({ groups: z.array(FailureGroup) });
export type TopFailures = z.infer<typeof TopFailures>;
