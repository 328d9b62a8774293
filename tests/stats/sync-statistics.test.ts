import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { appRouter } from "../../server/api/root";
import { createCallerFactory } from "../../server/api/trpc";
import { db } from "../../server/db/client";
import { readRunTrend } from "../../server/stats/read-run-trend";
import { readRunsPerDay } from "../../server/stats/read-runs-per-day";
import { readTopFailures } from "../../server/stats/read-top-failures";
import { createSyncRun } from "../factories/library";
import { createSyncLog } from "../history/sync-log-factory";

const day = (d: number, hour = 12) => new Date(Date.UTC(2026, 9, d, hour));
const range = { from: day(1, 0), to: day(8, 0) };
const statuses = ["completed", "completed_with_errors", "failed", "completed", "cancelled"];

/**
 * Seven days of runs with every status; runs on day d start at hours 1…d (so day 1 has one
 * run, day 7 seven), some outside the range; failed entity rows with numbered messages.
 */
beforeAll(async () => {
  let n = 0;
  for (let d = 0; d <= 9; d++) {
    for (let h = 1; h <= Math.max(1, d); h++) {
      const status = statuses[n++ % statuses.length]!;
      const run = await createSyncRun(db(), { startedAt: day(d, h), status });
      await db().syncHistory.update({
        where: { id: run.id },
        data: {
          completedAt: new Date(run.startedAt.getTime() + (h * 60 + d) * 1000),
          itemsCreated: h,
          itemsUpdated: d,
          itemsFailed: status === "completed_with_errors" ? 2 : 0,
          errorMessage: status === "failed" ? "Stash could not be reached at port 9999." : null,
        },
      });
      if (status === "completed_with_errors") {
        for (const id of [h, h + 100]) {
          await createSyncLog(db(), run, {
            entityId: String(id),
            createdAt: new Date(run.startedAt.getTime() + 1000),
            changeType: "failed",
            errorMessage: `Scene ${id}: date "x${id}" is not a date`,
          });
        }
      }
    }
  }
});

describe("sync statistics", () => {
  it("counts runs per day by status, as the table says", async () => {
    const { days } = await readRunsPerDay(range);
    expect(days.map((d) => d.day)).toEqual([
      "2026-10-01",
      "2026-10-02",
      "2026-10-03",
      "2026-10-04",
      "2026-10-05",
      "2026-10-06",
      "2026-10-07",
    ]);
    for (const entry of days) {
      const from = new Date(`${entry.day}T00:00:00Z`);
      const to = new Date(from.getTime() + 86_400_000);
      const inDay = { startedAt: { gte: from, lt: to } };
      expect(entry.total).toBe(await db().syncHistory.count({ where: inDay }));
      for (const [status, count] of Object.entries(entry.byStatus)) {
        expect(count).toBe(await db().syncHistory.count({ where: { ...inDay, status } }));
      }
      const completed = await db().syncHistory.count({ where: { ...inDay, status: "completed" } });
      expect(entry.successRate).toBeCloseTo(completed / entry.total, 10);
    }
  });

  it("gives each run's changed entities and duration, oldest first", async () => {
    const { runs, truncated } = await readRunTrend(range);
    const rows = await db().syncHistory.findMany({
      where: { startedAt: { gte: range.from, lt: range.to } },
      orderBy: { startedAt: "asc" },
    });
    expect(truncated).toBe(false);
    expect(runs.map((r) => r.jobId)).toEqual(rows.map((r) => r.jobId));
    for (const [i, row] of rows.entries()) {
      expect(runs[i]?.entitiesChanged).toBe(row.itemsCreated + row.itemsUpdated);
      expect(runs[i]?.durationMs).toBe(row.completedAt!.getTime() - row.startedAt.getTime());
    }
  });

  it("groups failure messages that differ only in numbers, with links to their runs", async () => {
    const { groups } = await readTopFailures({ range });
    const entityFailures = await db().syncLog.count({
      where: { changeType: "failed", createdAt: { gte: range.from, lt: range.to } },
    });
    const failedRuns = await db().syncHistory.findMany({
      where: { status: "failed", startedAt: { gte: range.from, lt: range.to } },
      orderBy: { startedAt: "desc" },
    });
    expect(groups.map((g) => [g.message, g.count])).toEqual(
      [
        ['Scene #: date "x#" is not a date', entityFailures],
        ["Stash could not be reached at port #.", failedRuns.length],
      ].sort((a, b) => Number(b[1]) - Number(a[1])),
    );
    const runGroup = groups.find((g) => g.message.startsWith("Stash"));
    expect(runGroup?.runs.map((r) => r.jobId)).toEqual(failedRuns.slice(0, 5).map((r) => r.jobId));
  });

  it("refuses a range that ends before it starts", async () => {
    await expect(readRunsPerDay({ from: range.to, to: range.from })).rejects.toThrow(/before/);
  });

  it("answers the same figures through tRPC, and refuses a bad range as BAD_REQUEST", async () => {
    const caller = createCallerFactory(appRouter)({ authorized: true });
    expect(await caller.stats.runsPerDay(range)).toEqual(await readRunsPerDay(range));
    expect(await caller.stats.runTrend(range)).toEqual(await readRunTrend(range));
    expect(await caller.stats.topFailures({ range })).toEqual(await readTopFailures({ range }));
    const error: unknown = await caller.stats
      .runsPerDay({ from: range.to, to: range.from })
      .catch((e: unknown) => e);
    expect(error instanceof TRPCError && error.code).toBe("BAD_REQUEST");
  });
});
