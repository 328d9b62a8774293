import Link from "next/link";
import type { ChangeView } from "@/server/analysis/review-schema";
import { ChangeStatusBadge } from "./change-status-badge";
import { changeSummary } from "./change-text";
import { EvidenceText } from "./evidence-text";
import { ReviewChangeButtons } from "./review-change-buttons";

/** One proposed change: what it would do, how sure, the evidence, its review. */
export function ChangeItem({
  change,
  texts = [],
}: {
  change: ChangeView;
  /** The scene's texts by source, for the evidence's context. */
  texts?: { source: ChangeView["evidence"][number]["source"]; text: string }[];
}) {
  const summary = changeSummary(change);
  return (
    <li className="flex flex-col gap-1 rounded-md border p-3" aria-label={summary}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium break-words">{summary}</span>
        <span className="text-xs text-muted-foreground tabular-nums">
          confidence {change.confidence.toFixed(2)}
        </span>
        <ChangeStatusBadge status={change.status} />
      </div>
      {change.evidence.length > 0 ? (
        <ul aria-label="Evidence" className="flex flex-col gap-0.5 text-sm text-muted-foreground">
          {change.evidence.map((evidence, i) => (
            <li key={i}>
              <EvidenceText
                evidence={evidence}
                sourceText={texts.find((t) => t.source === evidence.source)?.text}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {change.failureReason ? (
        <p className="text-sm text-event-red">{change.failureReason}</p>
      ) : null}
      {change.appliedJobId ? (
        <p className="text-sm">
          Recorded by{" "}
          <Link href={`/syncs/${change.appliedJobId}`} className="font-mono text-xs underline">
            job {change.appliedJobId}
          </Link>
        </p>
      ) : null}
      <ReviewChangeButtons change={change} label={summary} />
    </li>
  );
}
