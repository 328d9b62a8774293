import { beforeAll, describe, expect, it } from "vitest";
import { rowReader } from "../../server/db/row-reader";
import type { Statement } from "../../server/db/sql-dialect";
import { toPostgresStatement } from "../../server/db/postgresql-values";
import { differencesStatements } from "../../server/sync/write/read-scene-differences";
import { storedFileIdsStatements } from "../../server/sync/write/read-stored-file-ids";
import { takenFilesStatements } from "../../server/sync/write/write-scene-page";

/**
 * A page's look-ups by key (run by the PostgreSQL pass only): a thousand ids against a table
 * the planner knows to be bigger. Left to choose, it hashes the list and reads the whole table
 * (its cost model prices a thousand index probes above a sequential scan of a table under
 * ~200,000 rows), so each page of a first sync read every scene stored before it.
 */
const stored = 20_000;
const pageIds = Array.from({ length: 1000 }, (_, i) => String(5000 + i));

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function planOf(statements: Statement[]): Promise<PlanNode[]> {
  expect(statements).toHaveLength(1);
  const { sql, params } = toPostgresStatement(statements[0]!);
  const [row] = await rowReader().all<{ "QUERY PLAN": [{ Plan: PlanNode }] }>({
    sql: `EXPLAIN (FORMAT JSON) ${sql}`,
    params: params as never[],
  });
  return nodes(row!["QUERY PLAN"][0].Plan);
}

beforeAll(async () => {
  const sql = (text: string) => rowReader().all({ sql: text, params: [] });
  await sql(`INSERT INTO "scene" ("id", "title", "stash_created_at", "stash_updated_at",
      "content_hash", "first_seen_at", "last_synced_at")
    SELECT i::text, 'Scene ' || i, '2025-01-01', '2025-01-01', md5(i::text), now(), now()
    FROM generate_series(1, ${stored}) AS i`);
  await sql(`INSERT INTO "scene_file" ("id", "scene_id", "path", "basename")
    SELECT i::text, i::text, '/library/' || i || '.mp4', i || '.mp4'
    FROM generate_series(1, ${stored}) AS i`);
  await sql(`ANALYZE "scene", "scene_file"`);
});

describe("a page's look-ups by key on PostgreSQL", () => {
  it("reads the stored scenes of a page by their key, not the whole table", async () => {
    const plan = await planOf(differencesStatements(pageIds.map((id) => ({ id, digest: "x" }))));
    expect(plan.filter((n) => n["Node Type"] === "Seq Scan")).toEqual([]);
    expect(plan.some((n) => n["Index Name"] === "scene_pkey")).toBe(true);
  });

  it("finds which of a page's files are stored by their key, not by reading every file", async () => {
    const plan = await planOf(storedFileIdsStatements(pageIds));
    expect(plan.filter((n) => n["Node Type"] === "Seq Scan")).toEqual([]);
    expect(plan.some((n) => n["Index Name"] === "scene_file_pkey")).toBe(true);
  });

  it("finds the files a page takes over by their key, not by reading every file", async () => {
    const plan = await planOf(takenFilesStatements(pageIds.map((id) => [id, `other-${id}`])));
    expect(plan.filter((n) => n["Node Type"] === "Seq Scan")).toEqual([]);
    expect(plan.some((n) => n["Index Name"] === "scene_file_pkey")).toBe(true);
  });
});
