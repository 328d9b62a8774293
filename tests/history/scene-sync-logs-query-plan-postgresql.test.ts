import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { rowReader } from "../../server/db/row-reader";
import { sceneSyncLogsSql } from "../../server/history/read-scene-sync-logs";
import { at } from "./sync-log-factory";

/**
 * The PostgreSQL twin of scene-sync-logs-query-plan.test.ts (run by the PostgreSQL pass only):
 * on a log big enough that the planner chooses honestly (no enable_seqscan = off), each branch
 * is a range scan of the history index that stops after `take` rows, and the log is never
 * read in full.
 */
const INDEX = "sync_log_entity_type_entity_id_created_at_id_idx";
const scenes = 2000;
const runs = 40;

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Alias?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

async function queryPlan(...args: Parameters<typeof sceneSyncLogsSql>): Promise<PlanNode> {
  const query = sceneSyncLogsSql(...args);
  const [row] = await rowReader().all<{ "QUERY PLAN": [{ Plan: PlanNode }] }>({
    sql: `EXPLAIN (FORMAT JSON) ${query.sql}`,
    params: query.params,
  });
  return row!["QUERY PLAN"][0].Plan;
}

/**
 * The plan for any parameters, which the server may settle on for the prepared statement the
 * reader keeps (read-scene-sync-logs.ts marks it prepared).
 */
async function genericPlan(...args: Parameters<typeof sceneSyncLogsSql>): Promise<PlanNode> {
  const query = sceneSyncLogsSql(...args);
  expect(query.prepared).toBe(true);
  const [row] = await rowReader().all<{ "QUERY PLAN": [{ Plan: PlanNode }] }>({
    sql: `EXPLAIN (FORMAT JSON, GENERIC_PLAN) ${query.sql}`,
    params: [],
  });
  return row!["QUERY PLAN"][0].Plan;
}

/** Every node with its parent. */
function nodes(plan: PlanNode, parent: PlanNode | null = null): [PlanNode, PlanNode | null][] {
  return [[plan, parent], ...(plan.Plans ?? []).flatMap((child) => nodes(child, plan))];
}

/**
 * The contract: each branch is one range scan of the (entity_type, entity_id, created_at, id)
 * index read in order right under its Limit, so it stops after `take` rows instead of reading
 * and sorting every row of the scene (or every full-sync row). Only the rows picked are then
 * read whole, by their primary key. Returns the branches' scans: [own, full-sync].
 */
function expectOrderedIndexScans(plan: PlanNode): [PlanNode, PlanNode] {
  const all = nodes(plan);
  const logReads = all.filter(([n]) => n["Relation Name"] === "sync_log");
  // No full scan of the log under any alias, and no bitmap read of all of a scene's rows.
  expect(logReads.filter(([n]) => !n["Node Type"].startsWith("Index "))).toEqual([]);
  const picks = logReads.filter(([n]) => n.Alias !== "l");
  expect(picks).toHaveLength(2);
  for (const [scan, parent] of picks) {
    expect(scan["Node Type"]).toMatch(/^Index (Only )?Scan$/);
    expect(scan["Index Name"]).toBe(INDEX);
    expect(parent?.["Node Type"]).toBe("Limit");
  }
  // The scene's id is '1', or $1 in a generic plan.
  const own = picks.find(([n]) => /entity_id = ('1'|\$1)/.test(n["Index Cond"] ?? ""));
  const fullSync = picks.find(([n]) => n["Index Cond"]?.includes("entity_id IS NULL"));
  expect(own && fullSync).toBeTruthy();
  const whole = logReads.filter(([n]) => n.Alias === "l");
  expect(whole.map(([n]) => [n["Node Type"], n["Index Name"]])).toEqual([
    ["Index Scan", "sync_log_pkey"],
  ]);
  return [own![0], fullSync![0]];
}

beforeAll(async () => {
  // 40 runs over 2000 scenes: 80,000 rows of scenes' own plus one full-sync row per full run.
  for (let r = 0; r < runs; r++) {
    const syncType = r % 4 === 0 ? "full" : "incremental";
    const run = await db().syncHistory.create({
      data: {
        jobId: `plan-${r}`,
        syncType,
        trigger: "manual",
        status: "completed",
        startedAt: at(r * 60),
        completedAt: at(r * 60 + 1),
      },
    });
    await rowReader().all({
      sql: `INSERT INTO sync_log (sync_history_id, entity_type, entity_id, sync_type, change_type,
          had_changes, created_at)
        SELECT $1, 'scene', s::text, $2, 'skipped', FALSE, $3::timestamp + s * interval '1 ms'
        FROM generate_series(1, ${scenes}) AS s`,
      params: [
        run.id,
        syncType,
        at(r * 60)
          .toISOString()
          .replace("Z", ""),
      ],
    });
    if (syncType === "full") {
      await db().syncLog.create({
        data: {
          syncHistoryId: run.id,
          entityType: "scene",
          entityId: null,
          syncType,
          createdAt: at(r * 60),
        },
      });
    }
  }
  await rowReader().all({ sql: "ANALYZE sync_log", params: [] });
  await rowReader().all({ sql: "ANALYZE sync_history", params: [] });
  // A fresh table's visibility map is empty until VACUUM: an index-only scan would visit the heap.
  await rowReader().all({ sql: "VACUUM sync_log", params: [] });
}, 120_000);

describe("the scene sync-logs query plan on PostgreSQL", () => {
  it("reads the first page as two ordered range scans of the history index", async () => {
    expect(await db().syncLog.count()).toBe(runs * scenes + runs / 4);
    const [own] = expectOrderedIndexScans(await queryPlan("1", 51, undefined, undefined));
    // Unfiltered, the scene's own branch picks ids and times from the index alone.
    expect(own["Node Type"]).toBe("Index Only Scan");
  });

  it("keeps both range scans in the generic plan of the prepared statement", async () => {
    const [own] = expectOrderedIndexScans(await genericPlan("1", 51, undefined, undefined));
    expect(own["Node Type"]).toBe("Index Only Scan");
    const paged = await genericPlan("1", 51, { createdAt: at(20 * 60), id: 5 }, undefined);
    for (const scan of expectOrderedIndexScans(paged)) {
      expect(scan["Index Cond"]).toContain("ROW(created_at, id) < ROW(");
    }
  });

  it("keeps both range scans when paging back with a cursor and filtering", async () => {
    const plan = await queryPlan(
      "1",
      51,
      { createdAt: at(20 * 60), id: 5 },
      { outcome: "changes", syncType: "full" },
    );
    for (const scan of expectOrderedIndexScans(plan)) {
      expect(scan["Index Cond"]).toContain("ROW(created_at, id) < ROW(");
    }
  });
});
