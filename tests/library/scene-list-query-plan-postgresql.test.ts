import { beforeAll, describe, expect, it } from "vitest";
import { rowReader } from "../../server/db/row-reader";
import { dialect, type Statement } from "../../server/db/sql-dialect";
import { countSceneList } from "../../server/library/scene-list-count";
import { scenePageAfterStatements } from "../../server/library/scene-list-keyset";
import { scenePageIdsStatement } from "../../server/library/scene-list-query";
import type { ListScenesInput } from "../../server/library/scene-list-schema";
import type { SceneSort } from "../../server/library/scene-list-schema";

/**
 * The PostgreSQL twin of scene-list-query-plan.test.ts's page orders (run by the PostgreSQL pass
 * only): a page in one of the list's orders is read from that order's index in order, stopping
 * after the page, never by sorting every scene. Scenes without a title or date are among them,
 * and go where SQLite puts them (scene-list-orders.ts).
 */
interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Subplan Name"?: string;
  "Index Name"?: string;
  "Plan Rows"?: number;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

async function planOf(query: ListScenesInput & { sort: SceneSort }): Promise<PlanNode[]> {
  return planOfStatement(scenePageIdsStatement({ page: 1, pageSize: 50, ...query }));
}

async function planOfStatement(statement: Statement): Promise<PlanNode[]> {
  const [row] = await rowReader().all<{ "QUERY PLAN": [{ Plan: PlanNode }] }>({
    sql: `EXPLAIN (FORMAT JSON) ${statement.sql}`,
    params: statement.params,
  });
  return nodes(row!["QUERY PLAN"][0].Plan);
}

beforeAll(async () => {
  // Enough scenes that the planner chooses honestly; one in ten without a title, one in seven
  // without a date.
  await rowReader().all({
    sql: `INSERT INTO "scene" ("id", "title", "date", "organized", "stash_created_at", "stash_updated_at", "content_hash", "first_seen_at", "last_synced_at")
      SELECT i::text, CASE WHEN i % 10 = 0 THEN NULL ELSE 'Scene ' || md5(i::text) END,
        CASE WHEN i % 7 = 0 THEN NULL ELSE '2020-01-01'::date + (i % 2000) END,
        i % 3 = 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'h', now(), now()
      FROM generate_series(1, 50000) AS s(i)`,
    params: [],
  });
  // A file for every scene and three of 200 tags: enough that hashing every match looks cheap.
  await rowReader().all({
    sql: `INSERT INTO "tag" ("id", "name", "stash_created_at", "stash_updated_at", "content_hash", "first_seen_at", "last_synced_at")
      SELECT i::text, 'Tag ' || md5(i::text), '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'h', now(), now()
      FROM generate_series(1, 200) AS s(i)`,
    params: [],
  });
  await rowReader().all({
    sql: `INSERT INTO "scene_file" ("id", "scene_id", "path", "basename")
      SELECT 'f' || i, i::text, '/library/' || md5(i::text) || '.mp4', md5(i::text) || '.mp4'
      FROM generate_series(1, 50000) AS s(i)`,
    params: [],
  });
  await rowReader().all({
    sql: `INSERT INTO "scene_tag" ("scene_id", "tag_id")
      SELECT i::text, ((i + k * 50) % 200 + 1)::text
      FROM generate_series(1, 50000) AS s(i), generate_series(0, 2) AS t(k)`,
    params: [],
  });
  await rowReader().all({ sql: `ANALYZE`, params: [] });
});

describe("the scene list's page orders on PostgreSQL", () => {
  it.each([
    ["title_asc", {}, "scene_title_id_removed_at_idx"],
    ["title_desc", {}, "scene_title_id_removed_at_idx"],
    ["date_desc", {}, "scene_date_id_removed_at_idx"],
    ["title_asc", { organized: true }, "scene_organized_title_id_removed_at_idx"],
    ["title_asc", { failing: true }, "scene_last_sync_failed_title_id_removed_at_idx"],
  ] as const)("%s %o: read from %s in order, not sorted", async (sort, filters, index) => {
    const plan = await planOf({ sort, ...filters });
    expect(plan.filter((n) => /Sort/.test(n["Node Type"]))).toEqual([]);
    expect(plan.map((n) => n["Index Name"])).toContain(index);
  });

  it.each([
    ["title_asc", "scene_title_id_removed_at_idx", "Scene 5", true],
    ["title_desc", "scene_title_id_removed_at_idx", "Scene 5", true],
    ["date_desc", "scene_date_id_removed_at_idx", "2021-01-01", true],
    ["date_asc", "scene_date_id_removed_at_idx", "2021-01-01", true],
    ["updated_desc", "scene_stash_updated_at_id_removed_at_idx", "2026-01-01T00:00:00Z", false],
    ["synced_desc", "scene_last_synced_at_id_removed_at_idx", "2026-01-01T00:00:00.000Z", false],
  ] as const)(
    "%s: the page after a cursor is read from %s in order",
    async (sort, index, value, nullable) => {
      for (const key of nullable ? [value, null] : [value]) {
        const statements = scenePageAfterStatements(
          { sort, page: 2, pageSize: 50 },
          { key, id: "9" },
          51,
        );
        for (const statement of statements) {
          const plan = await planOfStatement(statement);
          expect(plan.filter((n) => n["Node Type"] === "Seq Scan")).toEqual([]);
          // The scenes without a value after the cursor are few: any index will do for them.
          if (!/"scene"\."\w+" IS NULL/.test(statement.sql))
            expect(plan.map((n) => n["Index Name"])).toContain(index);
          // The planner may sort a small range of the index (the scenes without a value after
          // the cursor), never the scenes with one, which are most of the library.
          expect(plan.filter((n) => /Sort/.test(n["Node Type"]) && n["Plan Rows"]! > 1000)).toEqual(
            [],
          );
        }
      }
    },
  );

  it("tests a walked search scene by scene, never first hashing every file or link that matches", async () => {
    const plan = await planOfStatement(
      scenePageIdsStatement(
        { sort: "title_asc", page: 1, pageSize: 50, search: "abc" },
        51,
        "scan",
      ),
    );
    expect(plan.map((n) => n["Index Name"])).toContain("scene_title_id_removed_at_idx");
    expect(plan.map((n) => n["Index Name"])).toContain("scene_file_scene_id_idx");
    // The tables filled here, each as large as the library or larger, are never read whole.
    const readWhole = plan
      .filter((n) => /Seq Scan/.test(n["Node Type"]))
      .map((n) => n["Relation Name"]);
    expect(
      readWhole.filter((table) => ["scene", "scene_file", "scene_tag"].includes(table!)),
    ).toEqual([]);
    // Nor built into a hash by any other path first: each subquery runs for its scene.
    expect(plan.filter((n) => /hashed/i.test(n["Subplan Name"] ?? ""))).toEqual([]);
  });

  it("reads text shorter than a trigram from the search table once, not scene by scene", async () => {
    await rowReader().all({
      sql: `INSERT INTO "scene_search" ("scene_id", "text")
        SELECT "s"."id", concat_ws(E'\n', "s"."title", "f"."path")
        FROM "scene" AS "s" LEFT JOIN "scene_file" AS "f" ON "f"."scene_id" = "s"."id"`,
      params: [],
    });
    await rowReader().all({ sql: `ANALYZE "scene_search"`, params: [] });
    const plan = await planOfStatement(
      scenePageIdsStatement({ sort: "title_asc", page: 1, pageSize: 50, search: "zq" }, 51),
    );
    expect(plan.map((n) => n["Relation Name"])).toContain("scene_search");
    // pg_trgm's index holds no trigram of two characters: it would be read whole.
    expect(plan.map((n) => n["Index Name"])).not.toContain("scene_search_text_idx");
    const readWhole = plan
      .filter((n) => /Seq Scan/.test(n["Node Type"]))
      .map((n) => n["Relation Name"]);
    expect(readWhole.filter((table) => ["scene_file", "scene_tag"].includes(table!))).toEqual([]);
    expect(plan.filter((n) => /SubPlan/i.test(n["Subplan Name"] ?? ""))).toEqual([]);
  });

  it("lists scenes without a title first in A–Z and without a date last newest-first, as SQLite does", async () => {
    const ids = async (sort: SceneSort) =>
      (
        await rowReader().all<{ id: string }>(scenePageIdsStatement({ sort, page: 1, pageSize: 3 }))
      ).map((row) => row.id);
    expect(await ids("title_asc")).toEqual(["10", "100", "1000"]);
    const lastDates = await rowReader().all<{ id: string }>(
      scenePageIdsStatement({ sort: "date_desc", page: 50000 / 50, pageSize: 50 }),
    );
    expect(lastDates.length).toBeGreaterThan(0);
    expect(lastDates.every((row) => Number(row.id) % 7 === 0)).toBe(true);
  });

  it("estimates a broad filter's count from a sample probed through the primary key, not from every scene", async () => {
    const [row] = await rowReader().all<{ "QUERY PLAN": [{ Plan: PlanNode }] }>({
      sql: `EXPLAIN (FORMAT JSON) SELECT COUNT(*) FROM "scene" WHERE ${dialect.firstStoredRows(2000)} AND "organized" = FALSE`,
      params: [],
    });
    const plan = nodes(row!["QUERY PLAN"][0].Plan);
    expect(plan.filter((n) => n["Node Type"] === "Seq Scan")).toEqual([]);
    expect(plan.map((n) => n["Index Name"])).toContain("scene_pkey");

    // Two in three scenes are not organized: past the exact limit, so estimated.
    const count = await countSceneList({
      sort: "title_asc",
      page: 1,
      pageSize: 50,
      organized: false,
    });
    expect(count.estimated).toBe(true);
    expect(count.total).toBeGreaterThan(30_000);
    expect(count.total).toBeLessThan(37_000);
  });
});
