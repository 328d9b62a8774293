"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ConnectionStatusText } from "@/components/settings/describe-connection";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/trpc/react";

/** Asks Stash on the client: a slow or absent Stash never holds up the dashboard. */
export function StashStatus() {
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.connection.status.queryOptions(), staleTime: 30_000 });
  if (status.isPending) {
    return (
      <div className="flex flex-col gap-2" aria-busy="true">
        <span className="sr-only">Checking the connection to Stash…</span>
        <Skeleton className="h-4 w-3/4" />
        <Skeleton className="h-4 w-1/2" />
      </div>
    );
  }
  if (status.isError) {
    return (
      <p className="text-sm text-destructive">
        The connection could not be checked: {status.error.message}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <ConnectionStatusText status={status.data} />
      <Link href="/settings" className="text-sm underline underline-offset-2">
        Connection settings
      </Link>
    </div>
  );
}
