import type { Db } from "../db/client";

/** A run's per-entity sync_log rows counted by outcome (the NULL-entity full-sync row aside). */
export async function countLoggedOutcomes(db: Db, runId: number) {
  const groups = await db.syncLog.groupBy({
    by: ["changeType"],
    where: { syncHistoryId: runId, entityId: { not: null } },
    _count: { _all: true },
  });
  const count = (type: string) => groups.find((g) => g.changeType === type)?._count._all ?? 0;
  return {
    created: count("created"),
    updated: count("updated"),
    skipped: count("skipped"),
    failed: count("failed"),
  };
}
