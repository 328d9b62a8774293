"use client";

import { format, formatDistanceToNow } from "date-fns";
import { useHydrated } from "./use-hydrated";

const PATTERN = "yyyy-MM-dd HH:mm:ss";

/** The same pattern in UTC, for the server render: same width, so nothing shifts on hydration. */
function formatUtc(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

/**
 * A moment as `yyyy-MM-dd HH:mm:ss` in the viewer's time zone, optionally with "3 hours ago".
 * The server does not know the viewer's zone, so the local form appears after hydration.
 */
export function LocalTime({
  value,
  relative = false,
  className,
}: {
  value: Date | string;
  relative?: boolean;
  className?: string;
}) {
  const hydrated = useHydrated();
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return <span className={className}>unknown time</span>;
  return (
    <span className={className}>
      <time dateTime={date.toISOString()} className="tabular-nums">
        {hydrated ? format(date, PATTERN) : `${formatUtc(date)} UTC`}
      </time>
      {relative && hydrated ? (
        <span className="text-muted-foreground">
          {" "}
          ({formatDistanceToNow(date, { addSuffix: true })})
        </span>
      ) : null}
    </span>
  );
}
