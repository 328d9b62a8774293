import { describe, expect, it } from "vitest";
import { deferSecondaryIndexes, restoreDeferredIndexes } from "../../server/db/deferred-indexes";
import { rowReader } from "../../server/db/row-reader";
import { providerOf } from "../../server/db/provider";
import { dialect } from "../../server/db/sql-dialect";
import { env } from "../../server/env";

const tables = ["scene", "scene_file", "scene_performer", "scene_tag"];
const indexes = async () =>
  (await rowReader().all<{ name: string; definition: string }>(dialect.secondaryIndexes(tables)))
    .map((ix) => ix.definition)
    .sort();

describe("deferred secondary indexes (a first sync's bulk load)", () => {
  it("drops the tables' non-unique indexes, keeps their definitions, and rebuilds them exactly", async () => {
    const before = await indexes();
    expect(before.length).toBeGreaterThanOrEqual(5);
    expect(before.some((d) => d.includes("tag_id"))).toBe(true);

    const deferred = await deferSecondaryIndexes(tables);
    expect(deferred).toHaveLength(before.length);
    expect(await indexes()).toEqual([]);

    const rebuilt = await restoreDeferredIndexes();
    expect(rebuilt.sort()).toEqual([...deferred].sort());
    expect(await indexes()).toEqual(before);
    expect(await restoreDeferredIndexes()).toEqual([]);
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
      await restoreDeferredIndexes();
    }
  });
});
