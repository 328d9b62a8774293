"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { StartSyncButton } from "@/components/syncs/start-sync-button";
import { useTRPC } from "@/trpc/react";
import { invalidateSceneHistory } from "./scene-history-query";

/** "Sync this scene": a specific sync of one scene; its History and details refresh at once. */
export function SyncSceneButton({ sceneId }: { sceneId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const refresh = useCallback(() => {
    void invalidateSceneHistory(queryClient, trpc, sceneId);
    // The server-rendered details (title, tags …) may have changed too.
    router.refresh();
  }, [trpc, queryClient, router, sceneId]);

  return (
    <StartSyncButton
      request={{ type: "specific", sceneIds: [sceneId] }}
      label="Sync this scene"
      onFinished={refresh}
      className="sm:items-end sm:text-right"
    />
  );
}
