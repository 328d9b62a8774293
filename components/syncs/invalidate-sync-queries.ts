import type { QueryClient } from "@tanstack/react-query";
import { invalidateSceneHistory } from "@/components/scenes/scene-history-query";
import type { useTRPC } from "@/trpc/react";

type Trpc = ReturnType<typeof useTRPC>;

/** Whose History a sync can change: one scene's ("Sync this scene") or any scene's. */
export type HistoryScope = { sceneId: string } | "library";

/**
 * Marks stale, router by router, what a sync's outcome changes in the browser's cache (runs,
 * failures, notifications, Histories), so what is on screen refetches at once and nothing else.
 * `stash`: the start failed on Stash, so the dashboard's connection check is outdated too.
 */
export async function invalidateSyncQueries(
  queryClient: QueryClient,
  trpc: Trpc,
  scope: HistoryScope,
  { stash = false }: { stash?: boolean } = {},
): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries(trpc.syncs.pathFilter()),
    queryClient.invalidateQueries(trpc.history.lastRuns.pathFilter()),
    queryClient.invalidateQueries(trpc.history.recentFailures.pathFilter()),
    queryClient.invalidateQueries(trpc.notifications.pathFilter()),
    scope === "library"
      ? Promise.all([
          queryClient.invalidateQueries(trpc.scenes.syncLogs.pathFilter()),
          queryClient.invalidateQueries(trpc.history.sceneTimeline.pathFilter()),
        ])
      : invalidateSceneHistory(queryClient, trpc, scope.sceneId),
    stash ? queryClient.invalidateQueries(trpc.library.stashStatus.pathFilter()) : null,
  ]);
}
