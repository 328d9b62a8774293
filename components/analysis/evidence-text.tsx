import type { ChangeView } from "@/server/analysis/review-schema";

const sourceLabel = {
  path: "Path",
  filename: "Filename",
  title: "Title",
  details: "Details",
  rawDetails: "Details (HTML)",
};
const CONTEXT = 60;

/**
 * Where a proposal was found: the matched text in <mark>, inside the scene's text around it
 * when that text still holds the match where the plan saw it.
 */
export function EvidenceText({
  evidence,
  sourceText,
}: {
  evidence: ChangeView["evidence"][number];
  sourceText?: string;
}) {
  const { start, end } = evidence;
  const inContext = sourceText !== undefined && sourceText.slice(start, end) === evidence.text;
  const text = inContext ? sourceText : evidence.text;
  const [at, to] = inContext ? [start, end] : [0, evidence.text.length];
  const from = Math.max(0, at - CONTEXT);
  const until = Math.min(text.length, to + CONTEXT);
  return (
    <span className="break-all">
      <span className="font-medium">{sourceLabel[evidence.source]}:</span> {from > 0 ? "…" : ""}
      {text.slice(from, at)}
      {/* A screen reader does not announce <mark>: say where the match begins. */}
      <span className="sr-only">matched: </span>
      <mark className="rounded-sm bg-event-purple/20 px-0.5 text-foreground">
        {text.slice(at, to)}
      </mark>
      {text.slice(to, until)}
      {until < text.length ? "…" : ""}
    </span>
  );
}
