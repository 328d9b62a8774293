import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import type { ChangeType } from "../../server/domain/vocabulary";
import { batchIdsSql, type EntityScope } from "../../server/retention/run-retention";

/**
 * The PostgreSQL twin of retention-query-plan.test.ts (run by the PostgreSQL pass only): on a
 * log big enough that the planner chooses honestly, a batch's candidates are one range of the
 * (change_type, created_at, id) index between its two cursors. PostgreSQL does not append the
 * id to an index as SQLite does: without it in the index, the cursor was a filter, and every
 * batch read all the rows before it again (a million rows took more than ten minutes).
 */
const INDEX = "sync_log_change_type_created_at_id_idx";

interface PlanNode {
  "Node Type": string;
  Alias?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

async function planOf(changeType: ChangeType, entity: EntityScope): Promise<PlanNode[]> {
  const at = new Date(Date.UTC(2026, 0, 1));
  const query = batchIdsSql(
    changeType,
    entity,
    new Date(Date.UTC(2026, 6, 1)),
    { createdAt: at, id: 1 },
    { createdAt: new Date(Date.UTC(2026, 1, 1)), id: 9 },
    10,
  );
  const [row] = await db().$queryRawUnsafe<Array<{ "QUERY PLAN": [{ Plan: PlanNode }] }>>(
    `EXPLAIN (FORMAT JSON) ${query.text}`,
    ...query.values,
  );
  return nodes(row!["QUERY PLAN"][0].Plan);
}

beforeAll(async () => {
  const run = await db().syncHistory.create({
    data: {
      jobId: "plan",
      syncType: "incremental",
      trigger: "manual",
      status: "completed",
      startedAt: new Date(Date.UTC(2026, 0, 1)),
    },
  });
  // 100,000 rows: 2,000 entities over 50 days, mostly skipped.
  await db().$executeRawUnsafe(
    `INSERT INTO sync_log (sync_history_id, entity_type, entity_id, sync_type, change_type,
        had_changes, created_at)
      SELECT $1, 'scene', (s % 2000)::text, 'incremental',
        CASE WHEN s % 10 = 0 THEN 'updated' WHEN s % 97 = 0 THEN 'created' ELSE 'skipped' END,
        s % 10 = 0, TIMESTAMP '2026-01-01' + (s / 2000) * INTERVAL '1 day' + (s % 600) * INTERVAL '1 second'
      FROM generate_series(1, 100000) AS s`,
    run.id,
  );
  await db().$executeRawUnsafe("VACUUM (ANALYZE) sync_log");
}, 120_000);

describe("the retention batch's query plan on PostgreSQL", () => {
  it.each([
    ["created", "one"],
    ["skipped", "one"],
    ["updated", "one"],
  ] as const)(
    "%s rows (%s): the candidates are one index range between the cursors",
    async (changeType, entity) => {
      const plan = await planOf(changeType, entity);
      expect(plan.filter((n) => n["Node Type"] === "Seq Scan")).toEqual([]);
      // An index scan of the range, or a bitmap of it (the planner's choice by its size).
      // (The check for an entity's first created row reads this index too, by outcome alone.)
      const candidates = plan.filter(
        (n) => n["Index Name"] === INDEX && n["Index Cond"]?.includes("created_at <"),
      );
      expect(candidates).toHaveLength(1);
      const cond = candidates[0]!["Index Cond"] ?? "";
      expect(cond).toContain("change_type = ");
      expect(cond).toMatch(/ROW\(created_at, id\) > ROW\(/);
      expect(cond).toMatch(/ROW\(created_at, id\) <= ROW\(/);
    },
  );

  it("full-sync rows (entity NULL, a few a run): read from an index, never a scan of the log", async () => {
    const plan = await planOf("updated", "all");
    expect(plan.filter((n) => n["Node Type"] === "Seq Scan")).toEqual([]);
    expect(plan.filter((n) => n.Alias === "r").map((n) => n["Node Type"])).toEqual([
      expect.stringMatching(/^Index (Only )?Scan$/),
    ]);
  });
});
