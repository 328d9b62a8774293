import type { SyncLogEntry } from "@/server/history/scene-sync-logs-schema";
import type {
  SceneAnalysisEntry,
  SceneTimelineSources,
} from "@/server/history/scene-timeline-schema";

export type TimelineColour = "green" | "blue" | "red" | "grey" | "purple";

export type TimelineEntry =
  | { kind: "created"; key: string; date: Date; colour: "green" }
  | {
      kind: "sync";
      key: string;
      date: Date;
      colour: TimelineColour;
      /** The scene's own row, or a full sync's NULL-entity row when the run has none for it. */
      log: SyncLogEntry;
      /** A full sync's NULL-entity row, shown with the scene's own row of the same run. */
      runRow: SyncLogEntry | null;
      /** The analysis whose approved changes this sync recorded after they were applied. */
      appliedAnalysis: Pick<SceneAnalysisEntry, "number" | "planId" | "planName"> | null;
    }
  | {
      kind: "analysis";
      key: string;
      date: Date;
      colour: "purple";
      number: number;
      planId: number;
      planName: string;
      changes: SceneAnalysisEntry["changes"];
    };

/** The design's colours: red failed, blue changed, grey nothing to do. */
export function syncLogColour(log: Pick<SyncLogEntry, "change_type" | "had_changes">) {
  if (log.change_type === "failed") return "red";
  return log.had_changes ? "blue" : "grey";
}

/**
 * A full sync that created, changed or failed this scene logged two rows: the scene's own and
 * the run's NULL-entity row. They are one event: the own row (newer, so loaded first) carries
 * the outcome, and takes the run's row along for its coverage line.
 */
function oneEntryPerRun(logs: SyncLogEntry[]) {
  const ownFullRuns = new Set(
    logs.filter((l) => l.entity_id !== null && l.sync_type === "full").map(jobOf),
  );
  const runRows = new Map(logs.filter((l) => l.entity_id === null).map((l) => [jobOf(l), l]));
  return logs
    .filter((l) => l.entity_id !== null || !ownFullRuns.has(jobOf(l)))
    .map((log) => ({
      log,
      runRow:
        log.entity_id !== null && log.sync_type === "full"
          ? (runRows.get(jobOf(log)) ?? null)
          : null,
    }));
}

const jobOf = (log: SyncLogEntry) => log.sync_history.job_id;

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
  const appliedBy = new Map<number, SceneAnalysisEntry>();
  for (const analysis of sources?.analyses ?? []) {
    for (const change of analysis.changes) {
      if (change.appliedLogId !== null) appliedBy.set(change.appliedLogId, analysis);
    }
  }
  const entries: TimelineEntry[] = oneEntryPerRun(logs).map(({ log, runRow }) => ({
    kind: "sync",
    key: `sync-${log.id}`,
    date: log.created_at,
    colour: syncLogColour(log),
    log,
    runRow,
    appliedAnalysis: appliedBy.get(log.id) ?? null,
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
        planId: analysis.planId,
        planName: analysis.planName,
        changes: analysis.changes,
      });
    }
  }
  // Stable: equal times keep the order above (sync logs already in (created_at, id) order).
  return entries.sort((a, b) => b.date.getTime() - a.date.getTime());
}
