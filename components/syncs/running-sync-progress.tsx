"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, useTransition } from "react";
import { cancelSyncAction } from "@/app/_actions/cancel-sync";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import type { SyncRunView } from "@/server/sync/sync-run-view";
import { useTRPC } from "@/trpc/react";
import { syncStatusLabel, syncTypeLabel } from "@/server/domain/labels";
import { describeCounts } from "./describe-sync-run";
import { syncRunQueryOptions } from "./sync-run-query";
import { useRefreshAfterSync } from "./use-refresh-after-sync";

/**
 * A running job's live progress (phase, done/total) with Cancel. Polls the run while it runs;
 * when it ends, the page, the cached Histories and the notifications are refreshed once.
 */
export function RunningSyncProgress({ initial }: { initial: SyncRunView }) {
  const trpc = useTRPC();
  const refresh = useRefreshAfterSync();
  const run = useQuery({ ...syncRunQueryOptions(trpc, initial.jobId), initialData: initial });
  const data = run.data;
  const pollFailed = run.isError;
  const [cancelling, startCancel] = useTransition();
  const [cancelError, setCancelError] = useState<string | null>(null);

  const refreshed = useRef(false);
  useEffect(() => {
    if (data.status !== "running" && !refreshed.current) {
      refreshed.current = true;
      refresh.afterRunEnded();
    }
  }, [data.status, refresh]);

  const { phase, done, total } = data.progress;
  const label = `${syncTypeLabel[data.syncType]} progress`;

  function cancel() {
    setCancelError(null);
    startCancel(async () => {
      const result = await cancelSyncAction(data.jobId);
      refresh.afterAction(result);
      if (!result.ok) setCancelError(result.error.message);
      else if (!result.value.cancelled) setCancelError("This run has already ended.");
    });
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">
          {syncTypeLabel[data.syncType]} — {syncStatusLabel[data.status]}
          {data.status === "running" && phase ? ` (${phase})` : ""}
        </span>
        <span className="tabular-nums text-muted-foreground" aria-live="polite">
          {total > 0
            ? `${done.toLocaleString()} / ${total.toLocaleString()}`
            : data.status === "running"
              ? "counting…"
              : null}
        </span>
      </div>
      <Progress value={total > 0 ? done : null} max={total > 0 ? total : 100} aria-label={label} />
      {pollFailed ? (
        <p className="text-sm text-destructive">
          Progress could not be read just now ({run.error?.message}); retrying.
        </p>
      ) : null}
      {data.status === "running" ? (
        <div className="flex items-center gap-2">
          <Button variant="outline" size="sm" onClick={cancel} disabled={cancelling}>
            {cancelling ? "Cancelling…" : "Cancel"}
          </Button>
          {cancelError ? <p className="text-sm text-destructive">{cancelError}</p> : null}
        </div>
      ) : (
        <p className="text-sm">
          {syncStatusLabel[data.status]}: {describeCounts(data)}.
          {data.errorMessage ? ` ${data.errorMessage}` : ""}
        </p>
      )}
    </div>
  );
}
