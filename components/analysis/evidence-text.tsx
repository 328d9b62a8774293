import type { ChangeView } from "@/server/analysis/review-schema";

const sourceLabel = { path: "Path", filename: "Filename", title: "Title", details: "Details" };
const CONTEXT = 60;

/** Where a proposal was found: the source's text around the match, the match in <mark>. */
export function EvidenceText({ evidence }: { evidence: ChangeView["evidence"][number] }) {
  const { text, start, end } = evidence;
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  return (
    <span className="break-all">
      <span className="font-medium">{sourceLabel[evidence.source]}:</span> {from > 0 ? "…" : ""}
      {text.slice(from, start)}
      <mark className="rounded-sm bg-event-purple/20 px-0.5 text-foreground">
        {text.slice(start, end)}
      </mark>
      {text.slice(end, to)}
      {to < text.length ? "…" : ""}
    </span>
  );
}
