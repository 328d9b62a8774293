import { db } from "../db/client";
import type { SyncStatus } from "../domain/vocabulary";

/**
 * When a scene was last synced. A full sync does not rewrite the rows of the scenes it finds
 * unchanged (at every full sync that would write a log the size of the scene table, for one
 * timestamp): it confirms them all by completing, as its one sync_log row for all scenes says.
 * So a scene's time is the later of its own `last_synced_at` (a sync wrote it, or an
 * incremental or specific sync checked it alone) and the completion of the newest full sync
 * that finished, unless that sync did not confirm the scene: the scene is marked removed, or
 * its last sync failed.
 */
export function lastSyncedAt(
  scene: { lastSyncedAt: Date; removedAt: Date | null; lastSyncFailed: boolean },
  fullSyncCompletedAt: Date | null,
): Date {
  const confirmed = scene.removedAt === null && !scene.lastSyncFailed;
  return confirmed && fullSyncCompletedAt !== null && fullSyncCompletedAt > scene.lastSyncedAt
    ? fullSyncCompletedAt
    : scene.lastSyncedAt;
}

// A run with failed entities still confirmed the others; a cancelled one did not reach them all.
const finished: SyncStatus[] = ["completed", "completed_with_errors"];

/** When the newest full sync that finished completed; null when none has. */
export async function latestFullSyncCompletedAt(): Promise<Date | null> {
  // Runs never overlap (sync-lock.ts): the newest started is the newest completed.
  const run = await db().syncHistory.findFirst({
    where: { syncType: "full", status: { in: finished } },
    orderBy: { startedAt: "desc" },
    select: { completedAt: true },
  });
  return run?.completedAt ?? null;
}
