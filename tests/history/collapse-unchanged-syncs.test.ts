import { describe, expect, it } from "vitest";
import {
  collapseUnchangedSyncs,
  unchangedGroupTitle,
  type UnchangedSyncsGroup,
} from "../../components/scenes/collapse-unchanged-syncs";
import type { TimelineEntry } from "../../components/scenes/scene-timeline-entries";
import type { SyncLogEntry } from "../../server/history/scene-sync-logs-schema";
import { at } from "./sync-log-factory";

let id = 0;
function sync(
  minutes: number,
  outcome: "skipped" | "updated" | "failed",
  syncType: SyncLogEntry["sync_type"] = "incremental",
): TimelineEntry {
  id++;
  const log: SyncLogEntry = {
    id,
    entity_id: "1",
    sync_type: syncType,
    had_changes: outcome === "updated",
    change_type: outcome,
    error_message: outcome === "failed" ? "boom" : null,
    created_at: at(minutes),
    changed_fields: null,
    sync_history: {
      job_id: `job-${id}`,
      started_at: at(minutes),
      completed_at: at(minutes),
      status: "completed",
      items_synced: 1,
      items_created: 0,
      items_updated: 0,
    },
  };
  return {
    kind: "sync",
    key: `sync-${id}`,
    date: at(minutes),
    colour: "grey",
    log,
    runRow: null,
    appliedAnalysis: null,
  };
}

describe("the quieter timeline", () => {
  it("collapses consecutive unchanged syncs into one group, newest first, dates oldest … newest", () => {
    const entries = [
      sync(100, "updated"),
      ...[90, 80, 70, 60].map((m) => sync(m, "skipped")),
      sync(50, "failed"),
      sync(40, "skipped"),
      sync(30, "updated"),
    ];
    const shown = collapseUnchangedSyncs(entries);
    expect(shown.map((e) => e.kind)).toEqual(["sync", "unchanged", "sync", "sync", "sync"]);
    const group = shown[1] as UnchangedSyncsGroup;
    expect(group.entries).toEqual(entries.slice(1, 5));
    expect(group.oldest).toEqual(at(60));
    expect(group.newest).toEqual(at(90));
    expect(unchangedGroupTitle(group)).toBe("Unchanged in 4 incremental syncs");
  });

  it("names no sync type when the group mixes them, and a skipped row with an error is not unchanged", () => {
    const withError = sync(10, "skipped");
    if (withError.kind === "sync") withError.log.error_message = "warning";
    const shown = collapseUnchangedSyncs([
      sync(30, "skipped", "full"),
      sync(20, "skipped", "specific"),
      withError,
    ]);
    expect(shown).toHaveLength(2);
    expect(unchangedGroupTitle(shown[0] as UnchangedSyncsGroup)).toBe("Unchanged in 2 syncs");
    expect(shown[1]).toBe(withError);
  });
});
