import { describe, expect, it } from "vitest";
import {
  deferForBulkLoad,
  deferForeignKeys,
  deferSecondaryIndexes,
  restoreDeferredSchema,
  restorePrimaryKeys,
} from "../../server/db/deferred-schema";
import { rowReader } from "../../server/db/row-reader";
import { providerOf } from "../../server/db/provider";
import { bulkWriter } from "../../server/db/bulk-writer";
import { dialect, sqliteWriterCacheKiB } from "../../server/db/sql-dialect";
import { env } from "../../server/env";
import { indexesFilledInOrder } from "../../server/sync/run/bulk-load";

const tables = ["scene", "scene_file", "scene_performer", "scene_tag"];
const indexes = async () =>
  (await rowReader().all<{ name: string; definition: string }>(dialect.secondaryIndexes(tables)))
    .map((ix) => ix.definition)
    .sort();

const foreignKeys = async () =>
  (await rowReader().all<{ name: string; definition: string }>(dialect.foreignKeys(tables)))
    .map((key) => key.definition)
    .sort();
const isPostgresql = () => providerOf(env().DATABASE_URL) === "postgresql";

describe("deferred secondary indexes and foreign keys (a first sync's bulk load)", () => {
  it("drops the tables' non-unique indexes, keeps their definitions, and rebuilds them exactly", async () => {
    const before = await indexes();
    expect(before.length).toBeGreaterThanOrEqual(5);
    expect(before.some((d) => d.includes("tag_id"))).toBe(true);

    const deferred = await deferSecondaryIndexes(tables);
    expect(deferred).toHaveLength(before.length);
    expect(await indexes()).toEqual([]);

    const rebuilt = await restoreDeferredSchema();
    expect(rebuilt.sort()).toEqual([...deferred].sort());
    expect(await indexes()).toEqual(before);
    expect(await restoreDeferredSchema()).toEqual([]);
  });

  it("on SQLite builds them in SQLite's default sort memory and gives the writer its cache back", async () => {
    if (isPostgresql()) return;
    const writerCache = async () =>
      (
        await bulkWriter().query<{ cache_size: number }>({ sql: "PRAGMA cache_size", params: [] })
      )[0]!.cache_size;
    expect(await writerCache()).toBe(-sqliteWriterCacheKiB);
    const built = dialect.indexBuild('CREATE INDEX "x" ON "scene" ("title")');
    expect(built.map((statement) => statement.sql)).toEqual([
      "PRAGMA cache_size = -2000",
      'CREATE INDEX "x" ON "scene" ("title")',
      `PRAGMA cache_size = -${sqliteWriterCacheKiB}`,
    ]);
    await deferSecondaryIndexes(tables);
    await restoreDeferredSchema();
    expect(await writerCache()).toBe(-sqliteWriterCacheKiB);

    // A build that fails is rolled back, and the writer gets its cache back all the same.
    const saved = (definition: string) =>
      bulkWriter().write([
        {
          sql: `INSERT INTO "setting" ("key", "value", "updated_at") VALUES ('deferred_indexes', ?, ?)`,
          params: [JSON.stringify([{ name: "broken_idx", definition }]), new Date()],
        },
      ]);
    await saved('CREATE INDEX "broken_idx" ON "scene" ("no_such_column")');
    try {
      await expect(restoreDeferredSchema()).rejects.toThrow(/no_such_column/);
      expect(await writerCache()).toBe(-sqliteWriterCacheKiB);
    } finally {
      await bulkWriter().write([
        { sql: `DELETE FROM "setting" WHERE "key" = 'deferred_indexes'`, params: [] },
      ]);
    }
  });

  it("leaves a first sync's indexes filled in key order up, and defers the rest with the keys", async () => {
    const names = async () =>
      (await rowReader().all<{ name: string }>(dialect.secondaryIndexes(tables)))
        .map((ix) => ix.name)
        .sort();
    const before = await names();
    const kept = [...indexesFilledInOrder].sort();
    expect(before).toEqual(expect.arrayContaining(kept));
    const deferred = await deferForBulkLoad(tables, indexesFilledInOrder);
    try {
      expect(await names()).toEqual(kept);
      // On PostgreSQL also the 7 foreign keys below and the tables' 4 primary keys.
      expect(deferred).toHaveLength(before.length - kept.length + (isPostgresql() ? 7 + 4 : 0));
    } finally {
      await restoreDeferredSchema();
    }
    expect(await names()).toEqual(before);
  });

  it("lists the indexes that are not B-trees first, as they take longest to build", async () => {
    const deferred = await deferSecondaryIndexes(["scene", "scene_search"]);
    try {
      // PostgreSQL's trigram GIN index; SQLite's search table is virtual, with none to defer.
      expect(deferred.indexOf("scene_search_text_idx")).toBe(isPostgresql() ? 0 : -1);
      expect(deferred.length).toBeGreaterThan(1);
    } finally {
      await restoreDeferredSchema();
    }
  });

  it("keeps primary keys and unique indexes, which ON CONFLICT needs", async () => {
    // Every index of the two tables, the ones behind primary keys and UNIQUE included.
    const all = async () =>
      rowReader().all<{ name: string }>(
        providerOf(env().DATABASE_URL) === "postgresql"
          ? {
              sql: `SELECT "indexname" AS "name" FROM "pg_indexes" WHERE "schemaname" = current_schema() AND "tablename" IN ('scene', 'scene_tag')`,
              params: [],
            }
          : {
              sql: `SELECT "name" FROM "sqlite_master" WHERE "type" = 'index' AND "tbl_name" IN ('scene', 'scene_tag')`,
              params: [],
            },
      );
    const primaryKeyIndex =
      providerOf(env().DATABASE_URL) === "postgresql"
        ? "scene_tag_pkey"
        : "sqlite_autoindex_scene_tag";
    const count = (await all()).length;
    const deferred = await deferSecondaryIndexes(["scene", "scene_tag"]);
    try {
      expect((await all()).length).toBe(count - deferred.length);
      expect((await all()).some((ix) => ix.name.startsWith(primaryKeyIndex))).toBe(true);
    } finally {
      await restoreDeferredSchema();
    }
  });

  it("drops the tables' foreign keys on PostgreSQL and adds them back validated", async () => {
    const before = await foreignKeys();
    if (!isPostgresql()) {
      // SQLite cannot drop a table's foreign key: nothing is deferred.
      expect(before).toEqual([]);
      expect(await deferForeignKeys(tables)).toEqual([]);
      return;
    }
    // scene → studio, scene_file → scene, both keys of each link table, and the one that
    // refers to these tables from outside them: analysis_result → scene.
    expect(before).toHaveLength(7);
    expect(before.filter((key) => key.startsWith("ALTER TABLE analysis_result "))).toHaveLength(1);
    const deferred = await deferForeignKeys(tables);
    expect(deferred).toHaveLength(7);
    expect(await foreignKeys()).toEqual([]);

    expect((await restoreDeferredSchema()).sort()).toEqual([...deferred].sort());
    expect(await foreignKeys()).toEqual(before);
    const unvalidated = await rowReader().all({
      sql: `SELECT "conname" FROM "pg_constraint" WHERE "contype" = 'f' AND NOT "convalidated"`,
      params: [],
    });
    expect(unvalidated).toEqual([]);
    expect(await restoreDeferredSchema()).toEqual([]);
  });

  it("refuses to add back a foreign key that rows written meanwhile break, and keeps it saved", async () => {
    if (!isPostgresql()) return;
    await deferForeignKeys(["scene_tag"]);
    await rowReader().all({
      sql: `INSERT INTO "scene_tag" ("scene_id", "tag_id") VALUES ('no-such-scene', 'no-such-tag')`,
      params: [],
    });
    try {
      await expect(restoreDeferredSchema()).rejects.toThrow(/foreign key/);
    } finally {
      await rowReader().all({
        sql: `DELETE FROM "scene_tag" WHERE "scene_id" = 'no-such-scene'`,
        params: [],
      });
    }
    // Still saved: the next sync or start adds it back.
    expect((await restoreDeferredSchema()).sort()).toEqual([
      "scene_tag_scene_id_fkey",
      "scene_tag_tag_id_fkey",
    ]);
  });

  it("drops the tables' primary keys on PostgreSQL for a bulk load, and builds them back as keys", async () => {
    const keys = async () =>
      (
        await rowReader().all<{ name: string; definition: string }>(dialect.primaryKeys(tables))
      ).map((key) => `${key.name}: ${key.definition}`);
    const before = await keys();
    if (!isPostgresql()) {
      // SQLite's primary keys are part of their tables: none is deferred.
      expect(before).toEqual([]);
      return;
    }
    expect(before).toHaveLength(tables.length);
    const deferred = await deferForBulkLoad(tables, indexesFilledInOrder);
    expect(await keys()).toEqual([]);
    const rebuiltKeys = await restorePrimaryKeys();
    try {
      // The keys alone come back; the indexes and foreign keys stay deferred.
      expect(rebuiltKeys.sort()).toEqual(before.map((key) => key.split(":")[0]).sort());
      expect(await keys()).toEqual(before);
      expect(await foreignKeys()).toEqual([]);
      expect(await restorePrimaryKeys()).toEqual([]);
      // Each a table's primary key again, which ON CONFLICT and foreign keys need.
      const constraints = await rowReader().column<string>({
        sql: `SELECT "conname" FROM "pg_constraint" WHERE "contype" = 'p'
          AND "conrelid"::regclass::text IN ('scene', 'scene_file', 'scene_performer', 'scene_tag')`,
        params: [],
      });
      expect(constraints.sort()).toEqual(rebuiltKeys.sort());
    } finally {
      await restoreDeferredSchema();
    }
    expect(deferred.length).toBeGreaterThan(rebuiltKeys.length);
    expect(await foreignKeys()).toHaveLength(7);
  });

  it("builds a saved primary key that exists already without harm, as after a kill", async () => {
    if (!isPostgresql()) return;
    // Saved, but built: a process killed after the build and before the list was shortened.
    const [key] = await rowReader().all<{ name: string; table: string; definition: string }>(
      dialect.primaryKeys(["scene_tag"]),
    );
    await bulkWriter().write([
      {
        sql: `INSERT INTO "setting" ("key", "value", "updated_at") VALUES ('deferred_indexes', $1, $2)`,
        params: [JSON.stringify([{ ...key, primary: true }]), new Date()],
      },
    ]);
    expect(await restoreDeferredSchema()).toEqual(["scene_tag_pkey"]);
    expect(await restoreDeferredSchema()).toEqual([]);
  });
});
