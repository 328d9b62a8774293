"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { useTRPC } from "@/trpc/react";

/**
 * After a run that may have touched many scenes (full, incremental, several selected, retry):
 * every cached History is marked stale, so a scene opened from here shows the run at once
 * instead of after its five minutes; and the server-rendered page around is re-rendered.
 */
export function useRefreshAfterSync() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return useCallback(() => {
    void queryClient.invalidateQueries(trpc.scenes.syncLogs.pathFilter());
    router.refresh();
  }, [trpc, queryClient, router]);
}
