import { db } from "../db/client";
import { SyncStatus } from "../domain/vocabulary";
import { StatsRangeInput, type RunsOnDay, type RunsPerDay } from "./stats-schema";

const DAY_MS = 86_400_000;

/**
 * Runs per UTC day by status, and each day's success rate. Runs are grouped in code, not by a
 * SQL date function: the statement stays portable, and a range holds at most tens of
 * thousands of runs (one every 15 minutes for a year is 35,000), read through the
 * started_at index with only the two columns needed.
 */
export async function readRunsPerDay(input: StatsRangeInput): Promise<RunsPerDay> {
  const { from, to } = StatsRangeInput.parse(input);
  const runs = await db().syncHistory.findMany({
    where: { startedAt: { gte: from, lt: to } },
    select: { startedAt: true, status: true },
  });
  const days = new Map<string, RunsOnDay>();
  for (let t = startOfUtcDay(from); t < to.getTime(); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.set(day, { day, total: 0, byStatus: emptyByStatus(), successRate: null });
  }
  for (const run of runs) {
    const entry = days.get(run.startedAt.toISOString().slice(0, 10));
    const status = SyncStatus.safeParse(run.status);
    if (!entry || !status.success) continue;
    entry.total++;
    entry.byStatus[status.data]++;
  }
  for (const entry of days.values()) {
    const ended = entry.total - entry.byStatus.running;
    entry.successRate = ended > 0 ? entry.byStatus.completed / ended : null;
  }
  return { days: [...days.values()] };
}

function startOfUtcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

function emptyByStatus(): Record<SyncStatus, number> {
  return Object.fromEntries(SyncStatus.options.map((s) => [s, 0])) as Record<SyncStatus, number>;
}
