import type { QueryClient } from "@tanstack/react-query";
import type { useTRPC } from "@/trpc/react";
import type { SyncLogFilter } from "@/server/history/scene-sync-logs-schema";

/**
 * The History tab's cache policy, stated once: what it shows changes only when a sync runs,
 * and the "Sync this scene" action invalidates it at once, so five minutes of reuse is safe.
 */
export const SCENE_HISTORY_STALE_TIME = 5 * 60 * 1000;
export const SCENE_HISTORY_PAGE_SIZE = 50;

type Trpc = ReturnType<typeof useTRPC>;

/** A scene's sync logs, 50 per page, fetched only while the History tab is open. */
export function sceneHistoryQueryOptions(
  trpc: Trpc,
  { sceneId, filter, enabled }: { sceneId: string; filter: SyncLogFilter; enabled: boolean },
) {
  return trpc.history.sceneSyncLogs.infiniteQueryOptions(
    { sceneId, limit: SCENE_HISTORY_PAGE_SIZE, filter },
    {
      getNextPageParam: (page) => page.next_cursor ?? undefined,
      staleTime: SCENE_HISTORY_STALE_TIME,
      enabled,
    },
  );
}

/** Stash's creation time and the scene's analyses: the timeline's other entries. */
export function sceneTimelineSourcesQueryOptions(
  trpc: Trpc,
  { sceneId, enabled }: { sceneId: string; enabled: boolean },
) {
  return trpc.history.sceneTimeline.queryOptions(
    { sceneId },
    { staleTime: SCENE_HISTORY_STALE_TIME, enabled },
  );
}

/** The scene's restores, which name the entries that recorded them. */
export function sceneRestoresQueryOptions(
  trpc: Trpc,
  { sceneId, enabled }: { sceneId: string; enabled: boolean },
) {
  return trpc.restore.sceneRestores.queryOptions(
    { sceneId },
    { staleTime: SCENE_HISTORY_STALE_TIME, enabled },
  );
}

/**
 * Drops what the History tab cached for one scene (every filter of it), after a sync or a
 * restore: the five-minute cache of other scenes stays.
 */
export async function invalidateSceneHistory(
  queryClient: QueryClient,
  trpc: Trpc,
  sceneId: string,
): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries(trpc.history.sceneSyncLogs.infiniteQueryFilter({ sceneId })),
    queryClient.invalidateQueries(trpc.history.sceneTimeline.queryFilter({ sceneId })),
    queryClient.invalidateQueries(trpc.restore.sceneRestores.queryFilter({ sceneId })),
  ]);
}
