import type { QueryClient } from "@tanstack/react-query";
import { invalidateSceneHistory } from "@/components/scenes/scene-history-query";
import type { useTRPC } from "@/trpc/react";

type Trpc = ReturnType<typeof useTRPC>;

/** Whose History a change can touch: one scene's ("Sync this scene") or any scene's. */
export type HistoryScope = { sceneId: string } | "library";

/**
 * Marks stale, router by router, the runs and sync logs the browser cached (run lists and
 * statuses, last runs, recent failures, Histories), so what is on screen refetches at once.
 */
export async function invalidateRunQueries(
  queryClient: QueryClient,
  trpc: Trpc,
  scope: HistoryScope,
): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries(trpc.sync.pathFilter()),
    queryClient.invalidateQueries(trpc.sync.lastRuns.pathFilter()),
    queryClient.invalidateQueries(trpc.history.recentFailures.pathFilter()),
    scope === "library"
      ? Promise.all([
          queryClient.invalidateQueries(trpc.history.sceneSyncLogs.pathFilter()),
          queryClient.invalidateQueries(trpc.history.sceneTimeline.pathFilter()),
        ])
      : invalidateSceneHistory(queryClient, trpc, scope.sceneId),
  ]);
}

/**
 * What a sync's outcome changes besides runs: a failed run adds a notification, and a start
 * that failed on Stash (`stash`) makes the dashboard's connection check outdated.
 */
export async function invalidateSyncQueries(
  queryClient: QueryClient,
  trpc: Trpc,
  scope: HistoryScope,
  { stash = false }: { stash?: boolean } = {},
): Promise<void> {
  await Promise.all([
    invalidateRunQueries(queryClient, trpc, scope),
    queryClient.invalidateQueries(trpc.notifications.pathFilter()),
    stash ? queryClient.invalidateQueries(trpc.connection.status.pathFilter()) : null,
  ]);
}
