import Link from "next/link";
import { LocalTime } from "@/components/format/local-time";
import type { RecentFailure } from "@/server/history/read-recent-failures";

/** The newest failed entities, each linked to its scene's History and to its run. */
export function RecentFailures({ failures }: { failures: RecentFailure[] }) {
  if (failures.length === 0) {
    return <p className="text-sm text-muted-foreground">No failures. Every entity synced.</p>;
  }
  return (
    <ul aria-label="Recent failures, newest first" className="flex flex-col divide-y">
      {failures.map((failure) => (
        <li key={failure.id} className="flex flex-col gap-0.5 py-2 text-sm first:pt-0 last:pb-0">
          {failure.entityType === "scene" && failure.entityId ? (
            <Link
              href={`/scenes/${failure.entityId}?tab=history`}
              className="font-medium underline-offset-2 hover:underline"
            >
              {failure.title?.trim() || `Scene ${failure.entityId}`}
            </Link>
          ) : (
            <span className="font-medium">
              {failure.entityId
                ? `${failure.entityType} ${failure.entityId}`
                : `All ${failure.entityType}s (the whole run)`}
            </span>
          )}
          {failure.errorMessage ? (
            <p className="break-words text-event-red">{failure.errorMessage}</p>
          ) : null}
          <p className="text-xs text-muted-foreground">
            <LocalTime value={failure.createdAt} relative /> ·{" "}
            <Link href={`/syncs/${failure.jobId}`} className="underline underline-offset-2">
              run
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
