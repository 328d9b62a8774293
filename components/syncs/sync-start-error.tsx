"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { runLinkText } from "@/server/domain/labels";
import { useTRPC } from "@/trpc/react";
import { syncRunQueryOptions } from "./sync-run-query";

/** Why a sync did not start, and the run that concerns: the failed one, or the one running. */
export type SyncStartFailure = { code: string; message: string; jobId: string | null };

/** Reads the failure out of a sync action's error: its code, its words and the run it names. */
export function toSyncStartFailure(error: {
  code: string;
  message: string;
  details: Record<string, unknown>;
}): SyncStartFailure {
  const jobId = error.details.jobId;
  return {
    code: error.code,
    message: error.message,
    jobId: typeof jobId === "string" ? jobId : null,
  };
}

/**
 * A refused or failed start in words, with a link named after the linked run's current status
 * (read live, so a running sync that since ended is no longer called running).
 */
export function SyncStartError({ failure }: { failure: SyncStartFailure }) {
  const trpc = useTRPC();
  const run = useQuery({
    ...syncRunQueryOptions(trpc, failure.jobId ?? ""),
    enabled: failure.jobId !== null,
  });
  const status =
    run.data?.status ?? (failure.code === "SYNC_ALREADY_RUNNING" ? "running" : "failed");
  return (
    <p className="text-sm text-destructive">
      {failure.message}{" "}
      {failure.jobId ? (
        <Link href={`/syncs/${failure.jobId}`} className="underline underline-offset-2">
          {runLinkText[status]}
        </Link>
      ) : null}
    </p>
  );
}
