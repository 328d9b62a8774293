"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import type { ActionResult } from "@/app/_actions/run-action";
import { useTRPC } from "@/trpc/react";
import { invalidateSyncQueries, type HistoryScope } from "./invalidate-sync-queries";

/**
 * Keeps every part of the page that shows runs, failures, notifications or History true after
 * a sync action and when a run ends, so the page never needs a reload to agree with itself.
 */
export function useRefreshAfterSync(scope: HistoryScope = "library") {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const sceneId = scope === "library" ? null : scope.sceneId;
  return useMemo(() => {
    const history: HistoryScope = sceneId === null ? "library" : { sceneId };
    return {
      /** Whatever the action answered; the action itself re-rendered the server's part. */
      afterAction(result: ActionResult<unknown>) {
        const stash = !result.ok && result.error.code.startsWith("STASH_");
        void invalidateSyncQueries(queryClient, trpc, history, { stash });
      },
      /** A run ended on its own: no action ran, so the server's part is re-rendered here. */
      afterRunEnded() {
        void invalidateSyncQueries(queryClient, trpc, history);
        router.refresh();
      },
    };
  }, [trpc, queryClient, router, sceneId]);
}
