import Link from "next/link";
import { LocalTime } from "@/components/format/local-time";
import { cn } from "@/lib/utils";
import { AnalysisEntryDetails } from "./analysis-entry-details";
import { ChangedFieldsList } from "./changed-fields-list";
import { historyEntryTitle } from "@/server/domain/labels";
import type { SceneRestoreView } from "@/server/restore/restore-schema";
import { restorableFields } from "./describe-restore";
import { RestorableChanges } from "./restorable-changes";
import { RestoredFromTitle, historyEntryAnchor } from "./restored-from-title";
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

function Title({ entry, restore }: { entry: TimelineEntry; restore?: SceneRestoreView }) {
  switch (entry.kind) {
    case "created":
      return <>Scene Created in Stash</>;
    case "analysis":
      return <>Analysis #{entry.number}</>;
    case "sync":
      return restore ? (
        <RestoredFromTitle restore={restore} />
      ) : (
        <>{historyEntryTitle[entry.log.sync_type]}</>
      );
  }
}

function SyncDetails({
  entry,
  sceneId,
  restore,
}: {
  entry: Extract<TimelineEntry, { kind: "sync" }>;
  sceneId?: string;
  restore?: SceneRestoreView;
}) {
  const { log } = entry;
  const restorable = sceneId ? restorableFields(log, sceneId) : [];
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
      {restore ? (
        <p className="text-sm text-muted-foreground">
          {historyEntryTitle[log.sync_type]} after a restore asked for by {restore.requestedBy}
        </p>
      ) : null}
      {entry.appliedAnalysis ? (
        <p className="text-sm text-muted-foreground">
          Recorded the changes applied from Analysis #{entry.appliedAnalysis.number} — Plan:{" "}
          <Link
            href={`/plans/${entry.appliedAnalysis.planId}`}
            className="underline underline-offset-2"
          >
            {entry.appliedAnalysis.planName}
          </Link>
        </p>
      ) : null}
      {sceneId && restorable.length > 0 ? (
        <RestorableChanges sceneId={sceneId} log={log} fields={restorable} />
      ) : log.changed_fields ? (
        <ChangedFieldsList changes={log.changed_fields} />
      ) : null}
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

/**
 * One event on a scene's History timeline: a coloured dot, what happened, and when. With the
 * scene's id, its changes offer Restore; with a restore, the entry says which one it records.
 */
export function TimelineEntryItem({
  entry,
  sceneId,
  restore,
}: {
  entry: TimelineEntry;
  sceneId?: string;
  restore?: SceneRestoreView;
}) {
  return (
    <li
      id={entry.kind === "sync" ? historyEntryAnchor(entry.log.id) : undefined}
      className="relative flex scroll-mt-20 gap-3 pb-5 last:pb-0"
      data-colour={entry.colour}
    >
      <span
        aria-hidden="true"
        className={cn(
          "mt-1.5 size-3 shrink-0 rounded-full ring-4 ring-background",
          dotColour[entry.colour],
        )}
      />
      <div className="flex min-w-0 flex-col gap-0.5">
        <h3 className={cn("text-sm font-semibold", titleColour[entry.colour])}>
          <Title entry={entry} restore={restore} />
        </h3>
        {entry.kind === "analysis" ? (
          <AnalysisEntryDetails
            planId={entry.planId}
            planName={entry.planName}
            changes={entry.changes}
          />
        ) : null}
        {entry.kind === "sync" ? (
          <SyncDetails entry={entry} sceneId={sceneId} restore={restore} />
        ) : null}
        <p className="text-xs text-muted-foreground">
          <LocalTime value={entry.date} relative />
        </p>
      </div>
    </li>
  );
}
