"use client";

import { retryFailedAction } from "@/app/_actions/retry-failed";
import { SyncJobButton } from "./sync-job-button";
import { useRefreshAfterSync } from "./use-refresh-after-sync";

/** "Retry failed entities": one specific sync of the scenes this run failed. */
export function RetryFailedButton({ jobId, failed }: { jobId: string; failed: number }) {
  const refreshAfterSync = useRefreshAfterSync();
  return (
    <SyncJobButton
      start={() => retryFailedAction(jobId)}
      label={`Retry failed entities (${failed.toLocaleString()})`}
      variant="outline"
      onFinished={refreshAfterSync}
    />
  );
}
