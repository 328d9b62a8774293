"use client";

import { retryFailedAction } from "@/app/_actions/retry-failed";
import { SyncJobButton } from "./sync-job-button";

/** "Retry failed entities": one specific sync of the scenes this run failed. */
export function RetryFailedButton({ jobId, failed }: { jobId: string; failed: number }) {
  return (
    <SyncJobButton
      start={() => retryFailedAction(jobId)}
      label={`Retry failed entities (${failed.toLocaleString()})`}
      variant="outline"
    />
  );
}
