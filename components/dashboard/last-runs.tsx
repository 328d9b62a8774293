import Link from "next/link";
import { LocalTime } from "@/components/format/local-time";
import { describeCounts } from "@/components/syncs/describe-sync-run";
import { syncTypeLabel } from "@/server/domain/labels";
import { SyncRunStatusBadge } from "@/components/syncs/sync-run-status-badge";
import type { SyncRunView } from "@/server/sync/sync-run-view";

const order = ["full", "incremental", "specific"] as const;

/** The newest run of each sync type with its status and outcome. */
export function LastRuns({ runs }: { runs: Partial<Record<(typeof order)[number], SyncRunView>> }) {
  return (
    <ul aria-label="Newest run of each sync type" className="flex flex-col divide-y">
      {order.map((type) => {
        const run = runs[type];
        return (
          <li key={type} className="flex flex-col gap-1 py-2 first:pt-0 last:pb-0">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium">{syncTypeLabel[type]}</span>
              {run ? <SyncRunStatusBadge status={run.status} /> : null}
            </div>
            {run ? (
              <p className="text-xs text-muted-foreground">
                <Link href={`/syncs/${run.jobId}`} className="underline underline-offset-2">
                  <LocalTime value={run.startedAt} relative />
                </Link>{" "}
                — {describeCounts(run)}
              </p>
            ) : (
              <p className="text-xs text-muted-foreground">Never run.</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
