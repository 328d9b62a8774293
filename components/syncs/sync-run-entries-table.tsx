import Link from "next/link";
import { LocalTime } from "@/components/format/local-time";
import { ChangedFieldsList } from "@/components/scenes/changed-fields-list";
import { syncLogColour } from "@/components/scenes/scene-timeline-entries";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { SyncRunEntry } from "@/server/sync/read-sync-runs";

function Entity({ entry }: { entry: SyncRunEntry }) {
  if (entry.entityId === null) {
    return <span className="font-medium">All {entry.entityType}s</span>;
  }
  if (entry.entityType === "scene") {
    return (
      <Link href={`/scenes/${entry.entityId}?tab=history`} className="underline underline-offset-2">
        Scene {entry.entityId}
      </Link>
    );
  }
  return (
    <span>
      {entry.entityType} {entry.entityId}
    </span>
  );
}

/** A run's per-entity rows: outcome in the History tab's colours, what changed, the error. */
export function SyncRunEntriesTable({ entries }: { entries: SyncRunEntry[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Entity</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead>Details</TableHead>
          <TableHead className="hidden md:table-cell">Time</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id}>
            <TableCell className="align-top whitespace-nowrap">
              <Entity entry={entry} />
            </TableCell>
            <TableCell className="align-top">
              <Badge
                variant={syncLogColour({
                  change_type: entry.changeType,
                  had_changes: entry.hadChanges,
                })}
              >
                {entry.changeType ?? "pending"}
              </Badge>
            </TableCell>
            <TableCell className="min-w-[14rem] align-top">
              {entry.entityId === null ? (
                <p className="text-sm text-muted-foreground">
                  This row stands for the whole full sync: it appears in every scene&apos;s History
                  as &ldquo;Full Sync (All Scenes)&rdquo;. Scenes the run created, changed or could
                  not sync have rows of their own.
                </p>
              ) : null}
              {entry.errorMessage ? (
                <p className="text-sm break-words text-event-red">Error: {entry.errorMessage}</p>
              ) : null}
              {entry.changedFields ? <ChangedFieldsList changes={entry.changedFields} /> : null}
            </TableCell>
            <TableCell className="hidden align-top whitespace-nowrap md:table-cell">
              <LocalTime value={entry.createdAt} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
