import { db } from "../db/client";
import { TopFailuresInput, type FailureGroup, type TopFailures } from "./stats-schema";

interface RawFailure {
  message: string | null;
  run_id: number | bigint;
  n: number | bigint;
  last_at: Date | string;
}

/** "Scene 7: …" and "Scene 12: …" are one failure: numbers are ids and counts, not the cause. */
export function failureKey(message: string): string {
  return message.replace(/\d+/g, "#").trim();
}

const UNKNOWN = "(no message)";

/**
 * The most frequent failure messages in the range, grouped, with links to their runs. Entity
 * failures come from sync_log through its (change_type, created_at) index, grouped per
 * (message, run) in SQL; runs that failed as a whole add one each, unless their message is
 * already one of their failed rows (a failed full sync writes it on its full-sync row too).
 */
export async function readTopFailures(input: TopFailuresInput): Promise<TopFailures> {
  const { range, limit } = TopFailuresInput.parse(input);
  const [logged, failedRuns] = await Promise.all([
    db().$queryRaw<RawFailure[]>`
      SELECT error_message AS message, sync_history_id AS run_id, COUNT(*) AS n,
        MAX(created_at) AS last_at
      FROM sync_log
      WHERE change_type = 'failed' AND created_at >= ${range.from} AND created_at < ${range.to}
      GROUP BY error_message, sync_history_id`,
    db().syncHistory.findMany({
      where: { status: "failed", startedAt: { gte: range.from, lt: range.to } },
      select: { id: true, errorMessage: true, startedAt: true },
    }),
  ]);

  const occurrences: Array<{ message: string; runId: number; count: number; at: Date }> = [];
  const seen = new Set<string>();
  for (const row of logged) {
    const message = row.message ?? UNKNOWN;
    const runId = Number(row.run_id);
    seen.add(`${runId}\u0000${message}`);
    occurrences.push({ message, runId, count: Number(row.n), at: new Date(row.last_at) });
  }
  for (const run of failedRuns) {
    const message = run.errorMessage ?? UNKNOWN;
    if (seen.has(`${run.id}\u0000${message}`)) continue;
    occurrences.push({ message, runId: run.id, count: 1, at: run.startedAt });
  }

  const groups = new Map<string, { count: number; lastSeenAt: Date; runs: Map<number, Date> }>();
  for (const o of occurrences) {
    const key = failureKey(o.message);
    const group = groups.get(key) ?? { count: 0, lastSeenAt: o.at, runs: new Map() };
    group.count += o.count;
    if (o.at > group.lastSeenAt) group.lastSeenAt = o.at;
    group.runs.set(o.runId, o.at);
    groups.set(key, group);
  }
  const top = [...groups.entries()]
    .sort(
      (a, b) => b[1].count - a[1].count || b[1].lastSeenAt.getTime() - a[1].lastSeenAt.getTime(),
    )
    .slice(0, limit);

  const runIds = [...new Set(top.flatMap(([, g]) => newestRunIds(g.runs)))];
  const runs = await db().syncHistory.findMany({
    where: { id: { in: runIds } },
    select: { id: true, jobId: true, startedAt: true },
  });
  const byId = new Map(runs.map((r) => [r.id, r]));
  return {
    groups: top.map(([message, g]): FailureGroup => ({
      message,
      count: g.count,
      lastSeenAt: g.lastSeenAt,
      runs: newestRunIds(g.runs)
        .map((id) => byId.get(id))
        .filter((r) => r !== undefined)
        .map((r) => ({ jobId: r.jobId, startedAt: r.startedAt })),
    })),
  };
}

function newestRunIds(runs: Map<number, Date>): number[] {
  return [...runs.entries()]
    .sort((a, b) => b[1].getTime() - a[1].getTime())
    .slice(0, 5)
    .map(([id]) => id);
}
