import Link from "next/link";
import { ChangeStatusBadge } from "@/components/analysis/change-status-badge";
import { changeSummary } from "@/components/analysis/change-text";
import type { ChangeView } from "@/server/analysis/review-schema";
import { historyEntryAnchor } from "./restored-from-title";

/** An analysis on the History tab: its plan, what it proposed and where each proposal ended. */
export function AnalysisEntryDetails({
  planId,
  planName,
  changes,
}: {
  planId: number;
  planName: string;
  changes: ChangeView[];
}) {
  return (
    <>
      <p className="text-sm text-muted-foreground">
        Plan:{" "}
        <Link href={`/plans/${planId}`} className="underline underline-offset-2">
          {planName}
        </Link>
      </p>
      {changes.length > 0 ? (
        <ul aria-label="Proposed changes" className="flex flex-col gap-1 text-sm">
          {changes.map((change) => (
            <li key={change.id} className="flex flex-wrap items-center gap-1.5 break-words">
              <span>{changeSummary(change)}</span>
              <ChangeStatusBadge status={change.status} />
              {change.status === "failed" && change.failureReason ? (
                <span className="text-event-red">{change.failureReason}</span>
              ) : null}
              {change.status === "applied" && change.appliedJobId ? (
                <a
                  href={
                    change.appliedLogId === null
                      ? `/syncs/${change.appliedJobId}`
                      : `#${historyEntryAnchor(change.appliedLogId)}`
                  }
                  className="font-mono text-xs underline underline-offset-2"
                >
                  recorded by job {change.appliedJobId.slice(0, 8)}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
