"use client";

import { StartSyncButton } from "@/components/syncs/start-sync-button";

/** "Sync this scene": a specific sync of one scene; its History and details refresh at once. */
export function SyncSceneButton({ sceneId }: { sceneId: string }) {
  return (
    <StartSyncButton
      request={{ type: "specific", sceneIds: [sceneId] }}
      label="Sync this scene"
      scope={{ sceneId }}
      className="sm:items-end sm:text-right"
    />
  );
}
