import { describe, expect, it } from "vitest";
import {
  buildTimelineEntries,
  syncLogColour,
} from "../../components/scenes/scene-timeline-entries";
import type { SyncLogEntry } from "../../server/history/scene-sync-logs-schema";
import { at } from "./sync-log-factory";

function log(id: number, minute: number, overrides: Partial<SyncLogEntry> = {}): SyncLogEntry {
  return {
    id,
    entity_id: "1",
    sync_type: "incremental",
    had_changes: false,
    change_type: "skipped",
    error_message: null,
    created_at: at(minute),
    changed_fields: null,
    sync_history: {
      job_id: `job-${id}`,
      started_at: at(minute),
      completed_at: at(minute),
      status: "completed",
      items_synced: 1,
      items_created: 0,
      items_updated: 0,
    },
    ...overrides,
  };
}

const sources = {
  stashCreatedAt: at(0).toISOString(),
  analyses: [{ id: 7, number: 1, planId: 3, planName: "Tags", createdAt: at(15), changes: [] }],
};

const appliedChange = (appliedLogId: number | null) => ({
  id: 40,
  planId: 3,
  sceneId: "1",
  field: "tags" as const,
  action: "add" as const,
  current: null,
  proposed: { id: "9", name: "Outdoor" },
  confidence: 1,
  evidence: [],
  status: appliedLogId === null ? ("approved" as const) : ("applied" as const),
  failureReason: null,
  reviewedAt: at(16),
  appliedAt: appliedLogId === null ? null : at(18),
  appliedJobId: appliedLogId === null ? null : `job-${appliedLogId}`,
  appliedLogId,
});

describe("the History timeline", () => {
  it("merges sync logs, Stash's creation and analyses, newest first", () => {
    const entries = buildTimelineEntries({
      logs: [log(2, 20), log(1, 10)],
      sources,
      moreLogsToLoad: false,
      includeOtherEvents: true,
    });
    expect(entries.map((e) => e.key)).toEqual(["sync-2", "analysis-7", "sync-1", "created"]);
  });

  it("holds back events older than the loaded logs while older logs remain to load", () => {
    const entries = buildTimelineEntries({
      logs: [log(2, 20), log(1, 10)],
      sources,
      moreLogsToLoad: true,
      includeOtherEvents: true,
    });
    expect(entries.map((e) => e.key)).toEqual(["sync-2", "analysis-7", "sync-1"]);
  });

  it("shows only sync logs while a filter narrows the syncs", () => {
    const entries = buildTimelineEntries({
      logs: [log(1, 10)],
      sources,
      moreLogsToLoad: false,
      includeOtherEvents: false,
    });
    expect(entries.map((e) => e.key)).toEqual(["sync-1"]);
  });

  it("shows a full sync that created the scene as one entry: the scene's outcome with the run's coverage", () => {
    const run = { job_id: "full-1" };
    const own = log(5, 30, {
      sync_type: "full",
      change_type: "created",
      had_changes: true,
      sync_history: { ...log(5, 30).sync_history, ...run },
    });
    const runRow = log(4, 29, {
      entity_id: null,
      sync_type: "full",
      change_type: "updated",
      had_changes: true,
      sync_history: { ...log(4, 29).sync_history, ...run },
    });
    const entries = buildTimelineEntries({
      logs: [own, runRow, log(3, 20)],
      sources,
      moreLogsToLoad: false,
      includeOtherEvents: false,
    });
    expect(entries.map((e) => e.key)).toEqual(["sync-5", "sync-3"]);
    expect(entries[0]).toMatchObject({ colour: "blue", log: own, runRow });
  });

  it("keeps a full sync's run row on its own when the scene has no row of that run", () => {
    const runRow = log(4, 29, { entity_id: null, sync_type: "full" });
    const entries = buildTimelineEntries({
      logs: [runRow],
      sources,
      moreLogsToLoad: false,
      includeOtherEvents: false,
    });
    expect(entries).toMatchObject([{ key: "sync-4", log: runRow, runRow: null }]);
  });

  it("names the analysis whose applied changes a sync recorded, and only on that sync", () => {
    const analysis = { ...sources.analyses[0]!, changes: [appliedChange(2)] };
    const entries = buildTimelineEntries({
      logs: [log(2, 20), log(1, 10)],
      sources: { ...sources, analyses: [analysis] },
      moreLogsToLoad: false,
      includeOtherEvents: true,
    });
    expect(entries.map((e) => (e.kind === "sync" ? [e.key, e.appliedAnalysis] : [e.key]))).toEqual([
      ["sync-2", analysis],
      ["analysis-7"],
      ["sync-1", null],
      ["created"],
    ]);
    expect(entries[1]).toMatchObject({ kind: "analysis", changes: [appliedChange(2)] });
  });

  it("colours failures red, changes blue and the rest grey", () => {
    expect(syncLogColour({ change_type: "failed", had_changes: false })).toBe("red");
    expect(syncLogColour({ change_type: "updated", had_changes: true })).toBe("blue");
    expect(syncLogColour({ change_type: "skipped", had_changes: false })).toBe("grey");
  });
});
