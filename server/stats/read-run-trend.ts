import { db } from "../db/client";
import { RUN_TREND_MAX_POINTS, RunPoint, StatsRangeInput, type RunTrend } from "./stats-schema";

/** Each run's changed entities and duration, oldest first (the newest runs when truncated). */
export async function readRunTrend(input: StatsRangeInput): Promise<RunTrend> {
  const { from, to } = StatsRangeInput.parse(input);
  const rows = await db().syncHistory.findMany({
    where: { startedAt: { gte: from, lt: to } },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: RUN_TREND_MAX_POINTS + 1,
    select: {
      jobId: true,
      syncType: true,
      status: true,
      startedAt: true,
      completedAt: true,
      itemsCreated: true,
      itemsUpdated: true,
      itemsFailed: true,
    },
  });
  const runs = rows
    .slice(0, RUN_TREND_MAX_POINTS)
    .reverse()
    .map((row) =>
      RunPoint.parse({
        jobId: row.jobId,
        syncType: row.syncType,
        status: row.status,
        startedAt: row.startedAt,
        durationMs: row.completedAt ? row.completedAt.getTime() - row.startedAt.getTime() : null,
        entitiesChanged: row.itemsCreated + row.itemsUpdated,
        itemsFailed: row.itemsFailed,
      }),
    );
  return { runs, truncated: rows.length > RUN_TREND_MAX_POINTS };
}
