import { describe, expect, it } from "vitest";
import { rowReader } from "../../server/db/row-reader";
import { sceneSyncLogsSql } from "../../server/history/read-scene-sync-logs";
import { at } from "./sync-log-factory";

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

const INDEX = "sync_log_entity_type_entity_id_created_at_id_idx";

async function queryPlan(...args: Parameters<typeof sceneSyncLogsSql>): Promise<PlanRow[]> {
  const query = sceneSyncLogsSql(...args);
  const rows = await rowReader().all<PlanRow>({
    sql: `EXPLAIN QUERY PLAN ${query.sql}`,
    params: query.params,
  });
  return rows.map((row) => ({
    id: Number(row.id),
    parent: Number(row.parent),
    detail: row.detail,
  }));
}

/** The rows under a plan node (e.g. one branch's co-routine), however deep. */
function descendants(plan: PlanRow[], ancestor: PlanRow): PlanRow[] {
  const children = plan.filter((row) => row.parent === ancestor.id);
  return children.flatMap((child) => [child, ...descendants(plan, child)]);
}

/**
 * The contract: each branch is one range scan of the (entity_type, entity_id, created_at, id)
 * index that already yields rows in order, so a branch stops after `take` rows instead of
 * reading and sorting every row of the scene (or every full-sync row). Only the rows picked
 * are then read whole, by their primary key.
 */
function expectTwoOrderedIndexScans(plan: PlanRow[]) {
  const details = plan.map((row) => row.detail);
  // No full scan of the log, under its name or the alias the picked rows are read by.
  expect(details.filter((d) => /^SCAN (sync_log|l)\b/.test(d))).toEqual([]);
  expect(details.some((d) => d.includes("MULTI-INDEX OR"))).toBe(false);

  const branches = plan.filter((row) => /^CO-ROUTINE (own_rows|full_sync_rows)$/.test(row.detail));
  expect(branches.map((b) => b.detail).sort()).toEqual([
    "CO-ROUTINE full_sync_rows",
    "CO-ROUTINE own_rows",
  ]);
  for (const branch of branches) {
    const inside = descendants(plan, branch).map((row) => row.detail);
    expect(inside).toHaveLength(1);
    expect(inside[0]).toMatch(
      new RegExp(
        `^SEARCH sync_log USING (COVERING )?INDEX ${INDEX} \\(entity_type=\\? AND entity_id=\\?`,
      ),
    );
  }
  expect(details).toContain("SEARCH l USING INTEGER PRIMARY KEY (rowid=?)");
}

/** The branch's one step, e.g. "SEARCH sync_log USING COVERING INDEX …". */
function branchStep(plan: PlanRow[], branch: "own_rows" | "full_sync_rows"): string {
  const node = plan.find((row) => row.detail === `CO-ROUTINE ${branch}`)!;
  return descendants(plan, node)[0]!.detail;
}

describe("the scene sync-logs query plan on SQLite", () => {
  it("reads the first page as two ordered range scans of the history index", async () => {
    const plan = await queryPlan("1", 51, undefined, undefined);
    expectTwoOrderedIndexScans(plan);
    // Unfiltered, the scene's own branch picks ids and times from the index alone.
    expect(branchStep(plan, "own_rows")).toContain("USING COVERING INDEX");
  });

  it("keeps both range scans when paging back with a cursor and filtering", async () => {
    const plan = await queryPlan(
      "1",
      51,
      { createdAt: at(1), id: 5 },
      { outcome: "changes", syncType: "full" },
    );
    expectTwoOrderedIndexScans(plan);
    expect(plan.filter((row) => row.detail.includes("created_at<?"))).toHaveLength(2);
  });
});
