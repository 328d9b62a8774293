import type { SyncLogEntry } from "@/server/history/scene-sync-logs-schema";
import type { TimelineEntry } from "./scene-timeline-entries";

export type SyncTimelineEntry = Extract<TimelineEntry, { kind: "sync" }>;

/** A run of consecutive syncs that left the scene as it was, shown as one expandable entry. */
export interface UnchangedSyncsGroup {
  kind: "unchanged";
  key: string;
  /** Newest first, as on the timeline. */
  entries: SyncTimelineEntry[];
  newest: Date;
  oldest: Date;
  /** The one sync type of every entry, or null when they differ. */
  syncType: SyncLogEntry["sync_type"] | null;
}

export type DisplayedTimelineEntry = TimelineEntry | UnchangedSyncsGroup;

/** Grey on the timeline: skipped, nothing changed, nothing failed. */
function isUnchanged(entry: TimelineEntry): entry is SyncTimelineEntry {
  return (
    entry.kind === "sync" &&
    entry.log.change_type === "skipped" &&
    !entry.log.had_changes &&
    entry.log.error_message === null
  );
}

/**
 * A scene synced every 15 minutes has hundreds of "nothing changed" entries between the ones
 * that matter; consecutive ones become a single group (at least `minimum` of them), so changes
 * and failures stand out. Any other event (a change, a failure, an analysis) ends a group.
 */
export function collapseUnchangedSyncs(
  entries: TimelineEntry[],
  minimum = 2,
): DisplayedTimelineEntry[] {
  const out: DisplayedTimelineEntry[] = [];
  let run: SyncTimelineEntry[] = [];
  const flush = () => {
    if (run.length >= minimum) {
      const types = new Set(run.map((e) => e.log.sync_type));
      out.push({
        kind: "unchanged",
        key: `unchanged-${run[0]!.key}`,
        entries: run,
        newest: run[0]!.date,
        oldest: run.at(-1)!.date,
        syncType: types.size === 1 ? run[0]!.log.sync_type : null,
      });
    } else {
      out.push(...run);
    }
    run = [];
  };
  for (const entry of entries) {
    if (isUnchanged(entry)) {
      run.push(entry);
    } else {
      flush();
      out.push(entry);
    }
  }
  flush();
  return out;
}

const typeWord: Record<SyncLogEntry["sync_type"], string> = {
  full: "full",
  incremental: "incremental",
  specific: "scene",
};

/** "Unchanged in 48 incremental syncs". */
export function unchangedGroupTitle(group: UnchangedSyncsGroup): string {
  const word = group.syncType ? `${typeWord[group.syncType]} ` : "";
  return `Unchanged in ${group.entries.length} ${word}syncs`;
}
