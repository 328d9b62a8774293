import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from "../../scripts/db-throwaway-postgres";
import { copyDatabase } from "../../server/db/copy/copy-database";
import { providerOf } from "../../server/db/provider";
import { externalTables } from "../../server/db/raw-sql-objects";
import { readSceneSyncLogs } from "../../server/history/read-scene-sync-logs";
import { startStashSim, type StashSim } from "../../stash-sim";
import { syncNow } from "../helpers/sync-run";

// The copy goes from this file's database (populated by real syncs) to the other provider: on
// the SQLite pass SQLite → a throwaway PostgreSQL, on the PostgreSQL pass PostgreSQL → a file.
const source = process.env.DATABASE_URL!;
const fromSqlite = providerOf(source) === "sqlite";
let sim: StashSim;
let cluster: ThrowawayPostgres | undefined;

beforeAll(async () => {
  sim = await startStashSim({ scenes: 120, seed: 5 });
  await syncNow(sim, { type: "full" });
  sim.updateScene(7, { title: "Seven, renamed" });
  await syncNow(sim, { type: "incremental" });
  sim.updateScene(7, { rating100: 80 });
  await syncNow(sim, { type: "specific", sceneIds: ["7"] });
  if (fromSqlite) cluster = await startThrowawayPostgres();
}, 120_000);
afterAll(async () => {
  await sim.close();
  await cluster?.stop();
});

/** An empty database of the other provider. */
async function newTarget(): Promise<string> {
  const name = `copy_${randomUUID().replace(/-/g, "")}`;
  if (cluster) return cluster.createDatabase(name);
  return `file:${path.join(process.env.STASH_SYNC_TEST_DIR!, `${name}.db`)}`;
}

/** The search index's tables, which each provider builds its own way (not copied, rebuilt). */
const searchTables = (url: string) =>
  new Set(externalTables(providerOf(url)).map((t) => t.replace(/^public\./, "")));

/** Every table's row count but the search index's, read with the driver alone. */
async function tableCounts(url: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  if (providerOf(url) === "sqlite") {
    const sqlite = new Database(url.replace(/^file:/, ""), { readonly: true });
    const tables = sqlite
      .prepare(
        `SELECT "name" FROM "sqlite_master" WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%' AND "name" <> '_prisma_migrations'`,
      )
      .pluck()
      .all() as string[];
    for (const table of tables.filter((t) => !searchTables(url).has(t)))
      counts[table] = sqlite.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number;
    sqlite.close();
    return counts;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT "table_name" FROM "information_schema"."tables" WHERE "table_schema" = current_schema() AND "table_type" = 'BASE TABLE' AND "table_name" <> '_prisma_migrations'`,
  );
  for (const { table_name } of rows.filter((r) => !searchTables(url).has(r.table_name)))
    counts[table_name] = Number(
      (await client.query(`SELECT COUNT(*) AS n FROM "${table_name}"`)).rows[0].n,
    );
  await client.end();
  return counts;
}

/** The ids of the scenes whose search text holds `text`, read from the index with the driver. */
async function searchIndexOn(url: string, text: string): Promise<string[]> {
  if (providerOf(url) === "sqlite") {
    const sqlite = new Database(url.replace(/^file:/, ""), { readonly: true });
    const ids = sqlite
      .prepare(`SELECT CAST("rowid" AS TEXT) FROM "scene_search" WHERE "scene_search" MATCH ?`)
      .pluck()
      .all(`"${text}"`) as string[];
    sqlite.close();
    return ids;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ scene_id: string }>(
    `SELECT "scene_id" FROM "scene_search" WHERE "text" ILIKE $1`,
    [`%${text}%`],
  );
  await client.end();
  return rows.map((row) => row.scene_id);
}

/** A scene's history read by the app's own query on another database (another process). */
async function sceneHistoryOn(url: string, sceneId: string) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "tests/helpers/print-scene-sync-logs.ts", sceneId],
    { env: { ...process.env, DATABASE_URL: url } },
  );
  return JSON.parse(stdout) as unknown;
}

describe("db:copy", () => {
  it("copies every table: the same row counts and the same scene history on both databases", async () => {
    const target = await newTarget();
    const result = await copyDatabase({ from: source, to: target, batchSize: 50 });
    expect(result.complete).toBe(true);
    expect(result.resumed).toBe(false);

    const counts = await tableCounts(source);
    expect(counts.scene).toBe(120);
    expect(counts.sync_log).toBeGreaterThan(120);
    expect(await tableCounts(target)).toEqual(counts);
    const history = await readSceneSyncLogs({ sceneId: "7", limit: 100 });
    expect(history.items.length).toBeGreaterThanOrEqual(3);
    expect(await sceneHistoryOn(target, "7")).toEqual(JSON.parse(JSON.stringify(history)));
    // The target's search index is built from the copied scenes.
    expect(await searchIndexOn(source, "Seven, renamed")).toEqual(["7"]);
    expect(await searchIndexOn(target, "Seven, renamed")).toEqual(["7"]);
    expect((await searchIndexOn(target, "/data/library/")).length).toBe(120);
  });

  it("continues an interrupted copy where it stopped, without duplicating a row", async () => {
    const target = await newTarget();
    const first = await copyDatabase({ from: source, to: target, batchSize: 40, maxBatches: 3 });
    expect(first.complete).toBe(false);
    const partial = await tableCounts(target);
    const copiedRows = Object.entries(partial)
      .filter(([table]) => table !== "_stash_sync_copy")
      .reduce((sum, [, n]) => sum + n, 0);
    expect(copiedRows).toBeGreaterThan(0);
    expect(copiedRows).toBeLessThanOrEqual(120);

    const second = await copyDatabase({ from: source, to: target, batchSize: 40 });
    expect(second.complete).toBe(true);
    expect(second.resumed).toBe(true);
    // The first run stopped inside a table, which the second run finished.
    const stoppedIn = first.tables.at(-1)!;
    const finished = second.tables.find((table) => table.name === stoppedIn.name)!;
    expect(finished.copiedNow).toBeGreaterThan(0);
    expect(finished.rows - finished.copiedNow).toBe(stoppedIn.rows);
    expect(stoppedIn.rows).toBeGreaterThan(0);
    expect(await tableCounts(target)).toEqual(await tableCounts(source));
  });

  it("continues generated ids above the copied ones on the target", async () => {
    const target = await newTarget();
    await copyDatabase({ from: source, to: target });
    const maxId = (await tableCounts(source)).sync_log!;
    if (providerOf(target) === "postgresql") {
      const client = new pg.Client({ connectionString: target });
      await client.connect();
      const { rows } = await client.query(
        `SELECT nextval(pg_get_serial_sequence('"sync_log"', 'id')) AS next, (SELECT MAX("id") FROM "sync_log") AS max`,
      );
      await client.end();
      expect(Number(rows[0].next)).toBeGreaterThan(Number(rows[0].max));
      expect(Number(rows[0].max)).toBeGreaterThanOrEqual(maxId);
    } else {
      const sqlite = new Database(target.replace(/^file:/, ""), { readonly: true });
      const seq = sqlite
        .prepare(`SELECT "seq" FROM "sqlite_sequence" WHERE "name" = 'sync_log'`)
        .pluck()
        .get() as number;
      const max = sqlite.prepare(`SELECT MAX("id") FROM "sync_log"`).pluck().get() as number;
      sqlite.close();
      expect(seq).toBeGreaterThanOrEqual(max);
    }
  });

  it("refuses a target that holds other data, and says why", async () => {
    const target = await newTarget();
    await copyDatabase({ from: source, to: target });
    await expect(copyDatabase({ from: source, to: target })).rejects.toMatchObject({
      code: "CONFIG_INVALID",
      message: expect.stringMatching(/is not empty \(rows in .*scene/),
    });
  });

  it("says so when the server does not answer or the URL names no database it can use", async () => {
    await expect(
      copyDatabase({ from: source, to: "postgresql://someone:secret@127.0.0.1:1/nowhere" }),
    ).rejects.toMatchObject({
      code: "CONFIG_INVALID",
      message: expect.stringMatching(/Could not connect to .*\*\*\*.*no PostgreSQL server answers/),
    });
    await expect(copyDatabase({ from: source, to: "mysql://host/db" })).rejects.toMatchObject({
      code: "BAD_INPUT",
    });
    await expect(copyDatabase({ from: source, to: source })).rejects.toMatchObject({
      code: "BAD_INPUT",
    });
  });
});
