"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/app/_actions/run-action";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { useTRPC } from "@/trpc/react";
import { syncStatusLabel } from "@/server/domain/labels";
import { describeCounts } from "./describe-sync-run";
import type { HistoryScope } from "./invalidate-sync-queries";
import { SyncStartError, toSyncStartFailure, type SyncStartFailure } from "./sync-start-error";
import { syncRunQueryOptions } from "./sync-run-query";
import { useRefreshAfterSync } from "./use-refresh-after-sync";

/**
 * A button that starts a sync through a server action, then follows the run until it ends
 * and says how it went, without a page reload. Whatever the outcome, what the page shows of
 * runs, notifications and the History of `scope` is refreshed.
 */
export function SyncJobButton({
  start: startJob,
  label,
  variant = "default",
  disabled = false,
  scope = "library",
  className,
}: {
  /** The server action that starts the run; null: nothing to sync yet, the button is off. */
  start: (() => Promise<ActionResult<{ jobId: string }>>) | null;
  label: string;
  variant?: "default" | "outline" | "secondary";
  disabled?: boolean;
  scope?: HistoryScope;
  className?: string;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshAfterSync(scope);
  const [pending, startTransition] = useTransition();
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<SyncStartFailure | null>(null);
  const run = useQuery({ ...syncRunQueryOptions(trpc, jobId ?? ""), enabled: jobId !== null });
  const running = pending || (jobId !== null && (!run.data || run.data.status === "running"));

  // Refresh the page once per job when it ended.
  const reported = useRef<string | null>(null);
  const finished = run.data && run.data.status !== "running" ? run.data : null;
  useEffect(() => {
    if (finished && reported.current !== finished.jobId) {
      reported.current = finished.jobId;
      refresh.afterRunEnded();
    }
  }, [finished, refresh]);

  function start() {
    if (!startJob) return;
    setError(null);
    startTransition(async () => {
      const result = await startJob();
      if (result.ok) setJobId(result.value.jobId);
      else setError(toSyncStartFailure(result.error));
      refresh.afterAction(result);
    });
  }

  return (
    <div className={cn("flex flex-col items-start gap-1.5", className)}>
      <Button variant={variant} onClick={start} disabled={disabled || running || startJob === null}>
        {running ? "Syncing…" : label}
      </Button>
      <div aria-live="polite" className="text-sm empty:hidden">
        {error ? (
          <SyncStartError failure={error} />
        ) : jobId && run.data ? (
          <p
            className={
              run.data.itemsFailed > 0 || run.data.status === "failed" ? "text-destructive" : ""
            }
          >
            {run.data.status === "running" ? (
              <>
                Running
                {run.data.progress.phase ? ` (${run.data.progress.phase})` : ""}…{" "}
                {run.data.progress.total > 0
                  ? `${run.data.progress.done.toLocaleString()} of ${run.data.progress.total.toLocaleString()}`
                  : null}
              </>
            ) : (
              <>
                {syncStatusLabel[run.data.status]}: {describeCounts(run.data)}.
                {run.data.errorMessage ? ` ${run.data.errorMessage}` : ""}{" "}
              </>
            )}{" "}
            <Link href={`/syncs/${run.data.jobId}`} className="underline underline-offset-2">
              View run
            </Link>
          </p>
        ) : jobId && run.isError ? (
          <p className="text-destructive">
            The sync started but its status could not be read: {run.error.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
