import Link from "next/link";
import { LocalTime } from "@/components/format/local-time";
import { cn } from "@/lib/utils";
import { ChangedFieldsList } from "./changed-fields-list";
import { historyEntryTitle } from "@/server/domain/labels";
import { type TimelineColour, type TimelineEntry } from "./scene-timeline-entries";

const dotColour: Record<TimelineColour, string> = {
  green: "bg-event-green",
  blue: "bg-event-blue",
  red: "bg-event-red",
  grey: "bg-event-grey",
  purple: "bg-event-purple",
};

const titleColour: Record<TimelineColour, string> = {
  green: "text-event-green",
  blue: "text-event-blue",
  red: "text-event-red",
  grey: "text-foreground",
  purple: "text-event-purple",
};

function Title({ entry }: { entry: TimelineEntry }) {
  switch (entry.kind) {
    case "created":
      return <>Scene Created in Stash</>;
    case "analysis":
      return <>Analysis #{entry.number}</>;
    case "sync":
      return <>{historyEntryTitle[entry.log.sync_type]}</>;
  }
}

function SyncDetails({ entry }: { entry: Extract<TimelineEntry, { kind: "sync" }> }) {
  const { log } = entry;
  const run = log.sync_history;
  const coversEveryScene = log.entity_id === null || entry.runRow !== null;
  return (
    <>
      {log.change_type ? (
        <p className="text-sm text-muted-foreground">Status: {log.change_type}</p>
      ) : null}
      {coversEveryScene ? (
        // The full-sync row stands for the whole run, not for this scene alone.
        <p className="text-sm text-muted-foreground">
          Covered every scene: {run.items_synced.toLocaleString()} synced,{" "}
          {run.items_created.toLocaleString()} created, {run.items_updated.toLocaleString()} updated
        </p>
      ) : null}
      {log.error_message ? (
        <p className="text-sm break-words text-event-red">Error: {log.error_message}</p>
      ) : null}
      {log.changed_fields ? <ChangedFieldsList changes={log.changed_fields} /> : null}
      <p className="text-sm">
        <Link
          href={`/syncs/${run.job_id}`}
          className="font-mono text-xs underline underline-offset-2 hover:text-foreground"
        >
          Job {run.job_id}
        </Link>
      </p>
    </>
  );
}

/** One event on a scene's History timeline: a coloured dot, what happened, and when. */
export function TimelineEntryItem({ entry }: { entry: TimelineEntry }) {
  return (
    <li className="relative flex gap-3 pb-5 last:pb-0" data-colour={entry.colour}>
      <span
        aria-hidden="true"
        className={cn(
          "mt-1.5 size-3 shrink-0 rounded-full ring-4 ring-background",
          dotColour[entry.colour],
        )}
      />
      <div className="flex min-w-0 flex-col gap-0.5">
        <h3 className={cn("text-sm font-semibold", titleColour[entry.colour])}>
          <Title entry={entry} />
        </h3>
        {entry.kind === "analysis" ? (
          <p className="text-sm text-muted-foreground">Plan: {entry.planName}</p>
        ) : null}
        {entry.kind === "sync" ? <SyncDetails entry={entry} /> : null}
        <p className="text-xs text-muted-foreground">
          <LocalTime value={entry.date} relative />
        </p>
      </div>
    </li>
  );
}
