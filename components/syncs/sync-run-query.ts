import type { useTRPC } from "@/trpc/react";

type Trpc = ReturnType<typeof useTRPC>;

/** How often a running job's progress is read: the engine writes it at least once a second. */
export const RUNNING_POLL_MS = 1000;

/** A run's status, polled while it runs and left alone once it ended. */
export function syncRunQueryOptions(trpc: Trpc, jobId: string) {
  return trpc.sync.status.queryOptions(
    { jobId },
    {
      staleTime: 0,
      refetchInterval: (query) =>
        query.state.data && query.state.data.status !== "running" ? false : RUNNING_POLL_MS,
    },
  );
}
