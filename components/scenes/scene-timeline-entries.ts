import type { SyncLogEntry } from "@/server/history/scene-sync-logs-schema";
import type { SceneTimelineSources } from "@/server/history/scene-timeline-schema";

export type TimelineColour = "green" | "blue" | "red" | "grey" | "purple";

export type TimelineEntry =
  | { kind: "created"; key: string; date: Date; colour: "green" }
  | { kind: "sync"; key: string; date: Date; colour: TimelineColour; log: SyncLogEntry }
  | {
      kind: "analysis";
      key: string;
      date: Date;
      colour: "purple";
      number: number;
      planName: string;
    };

/** The design's labels for the three sync types. */
export const syncTypeLabel: Record<SyncLogEntry["sync_type"], string> = {
  full: "Full Sync (All Scenes)",
  incremental: "Incremental Sync",
  specific: "Scene Sync",
};

/** The design's colours: red failed, blue changed, grey nothing to do. */
export function syncLogColour(log: Pick<SyncLogEntry, "change_type" | "had_changes">) {
  if (log.change_type === "failed") return "red";
  return log.had_changes ? "blue" : "grey";
}

/**
 * Merges the scene's sync logs with its other events, newest first. While older sync logs are
 * still unloaded, events older than the oldest loaded log wait: showing them now would put them
 * above logs that "Load more" later inserts.
 */
export function buildTimelineEntries({
  logs,
  sources,
  moreLogsToLoad,
  includeOtherEvents,
}: {
  logs: SyncLogEntry[];
  sources: SceneTimelineSources | undefined;
  moreLogsToLoad: boolean;
  /** Off while a filter narrows the syncs: the other events are not syncs. */
  includeOtherEvents: boolean;
}): TimelineEntry[] {
  const entries: TimelineEntry[] = logs.map((log) => ({
    kind: "sync",
    key: `sync-${log.id}`,
    date: log.created_at,
    colour: syncLogColour(log),
    log,
  }));
  if (includeOtherEvents && sources) {
    const oldestLoaded = logs.at(-1)?.created_at;
    const visible = (date: Date) =>
      !moreLogsToLoad || oldestLoaded === undefined || date >= oldestLoaded;
    const created = new Date(sources.stashCreatedAt);
    if (!Number.isNaN(created.getTime()) && visible(created)) {
      entries.push({ kind: "created", key: "created", date: created, colour: "green" });
    }
    for (const analysis of sources.analyses) {
      if (!visible(analysis.createdAt)) continue;
      entries.push({
        kind: "analysis",
        key: `analysis-${analysis.id}`,
        date: analysis.createdAt,
        colour: "purple",
        number: analysis.number,
        planName: analysis.planName,
      });
    }
  }
  // Stable: equal times keep the order above (sync logs already in (created_at, id) order).
  return entries.sort((a, b) => b.date.getTime() - a.date.getTime());
}
