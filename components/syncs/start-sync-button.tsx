"use client";

import { startSyncAction } from "@/app/_actions/start-sync";
import type { SyncRequest } from "@/server/sync/sync-request";
import { SyncJobButton } from "./sync-job-button";

/** Starts a full, incremental or specific sync; null request: nothing to sync yet. */
export function StartSyncButton({
  request,
  ...props
}: { request: SyncRequest | null } & Omit<React.ComponentProps<typeof SyncJobButton>, "start">) {
  return <SyncJobButton start={request ? () => startSyncAction(request) : null} {...props} />;
}
