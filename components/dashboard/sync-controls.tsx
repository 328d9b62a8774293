"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, useTransition } from "react";
import { startSyncAction } from "@/app/_actions/start-sync";
import { RunningSyncProgress } from "@/components/syncs/running-sync-progress";
import {
  SyncStartError,
  toSyncStartFailure,
  type SyncStartFailure,
} from "@/components/syncs/sync-start-error";
import { useRefreshAfterSync } from "@/components/syncs/use-refresh-after-sync";
import { Button } from "@/components/ui/button";
import type { SyncRunView } from "@/server/sync/sync-run-view";
import { useTRPC } from "@/trpc/react";
import { syncTypeLabel } from "@/server/domain/labels";

/** While nothing runs, look for a run started elsewhere (CLI, schedule) now and then. */
const IDLE_POLL_MS = 5000;
const RUNNING_POLL_MS = 1000;

/**
 * Full and incremental sync buttons, and the live progress of the running job (phase,
 * done/total, Cancel), whoever started it. The last run seen stays shown with its outcome.
 */
export function SyncControls() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useRefreshAfterSync();
  const running = useQuery({
    ...trpc.sync.running.queryOptions(),
    refetchInterval: (query) => (query.state.data ? RUNNING_POLL_MS : IDLE_POLL_MS),
  });
  const [started, setStarted] = useState<SyncRunView | null>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<SyncStartFailure | null>(null);
  const shown = running.data ?? started;

  function start(type: "full" | "incremental") {
    setError(null);
    startTransition(async () => {
      const result = await startSyncAction({ type });
      refresh.afterAction(result);
      if (!result.ok) {
        setError(toSyncStartFailure(result.error));
        return;
      }
      setStarted(
        await queryClient.fetchQuery(trpc.sync.status.queryOptions({ jobId: result.value.jobId })),
      );
    });
  }

  const busy = pending || running.data != null;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => start("incremental")} disabled={busy}>
          {syncTypeLabel.incremental}
        </Button>
        <Button variant="outline" onClick={() => start("full")} disabled={busy}>
          {syncTypeLabel.full}
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">
        Incremental reads what changed in Stash since the last sync; full reads every scene and
        notices what was removed.
      </p>
      <div role="status" aria-label="Sync status">
        {pending ? (
          <p className="text-sm text-muted-foreground">Starting: asking Stash…</p>
        ) : error ? (
          <SyncStartError failure={error} />
        ) : null}
      </div>
      {shown ? (
        <div className="flex flex-col gap-1">
          <RunningSyncProgress key={shown.jobId} initial={shown} />
          <Link href={`/syncs/${shown.jobId}`} className="text-sm underline underline-offset-2">
            View this run
          </Link>
        </div>
      ) : running.isPending ? null : (
        <p className="text-sm text-muted-foreground">No sync is running.</p>
      )}
    </div>
  );
}
