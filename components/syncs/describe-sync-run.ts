import type { SyncRunView } from "@/server/sync/sync-run-view";

/** "2 created, 5 updated, 40 unchanged, 1 failed": a run's outcome in words. */
export function describeCounts(run: SyncRunView): string {
  const parts = [
    `${run.itemsCreated.toLocaleString()} created`,
    `${run.itemsUpdated.toLocaleString()} updated`,
    `${run.itemsSkipped.toLocaleString()} unchanged`,
  ];
  if (run.itemsFailed > 0) parts.push(`${run.itemsFailed.toLocaleString()} failed`);
  return parts.join(", ");
}

/** The badge colour of a run's status. */
export function statusVariant(status: SyncRunView["status"]) {
  switch (status) {
    case "completed":
      return "green" as const;
    case "running":
      return "blue" as const;
    case "completed_with_errors":
    case "failed":
    case "interrupted":
      return "red" as const;
    case "cancelled":
      return "grey" as const;
  }
}
