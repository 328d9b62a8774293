"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { WatchCheck, WatchView } from "@/server/watch/watch-schema";
import { useTRPC } from "@/trpc/react";
import { useHydrated } from "@/components/format/use-hydrated";

/** How long ago, in the words of "last checked 12 s ago". */
function ago(at: Date, now: number): string {
  const seconds = Math.max(0, Math.round((now - at.getTime()) / 1000));
  if (seconds < 90) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
}

function found(check: WatchCheck): string {
  switch (check.outcome) {
    case "no_changes":
      return "no changes";
    case "started":
      return `${check.changes.toLocaleString()} changed, incremental sync started`;
    case "skipped_running":
      return "a sync was running, so it did not ask";
    case "no_baseline":
      return "no sync has finished yet; run a full sync first";
    case "failed":
      return `could not ask Stash: ${check.message ?? "unknown error"}`;
  }
}

/** The dashboard's watch-mode line, refreshed while the page is open. */
export function WatchStatus({ initial }: { initial: WatchView }) {
  const trpc = useTRPC();
  const { data } = useQuery({
    ...trpc.watch.status.queryOptions(),
    initialData: initial,
    refetchInterval: 5_000,
  });
  // The server render shows the check's time; "12 s ago" needs the viewer's clock.
  const hydrated = useHydrated();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  if (!data.enabled) return null;
  const check = data.lastCheck;
  return (
    <p className="text-sm text-muted-foreground" data-testid="watch-status">
      Watching Stash every {data.intervalSeconds} s:{" "}
      {check ? (
        <span className={check.outcome === "failed" ? "text-destructive" : undefined}>
          last checked{" "}
          {!hydrated ? (
            <time dateTime={check.at.toISOString()}>{check.at.toISOString()}</time>
          ) : (
            <time dateTime={check.at.toISOString()}>{ago(check.at, now)}</time>
          )}
          : {found(check)}
        </span>
      ) : (
        "not checked yet"
      )}
    </p>
  );
}
