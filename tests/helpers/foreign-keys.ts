import { expect } from "vitest";
import { db } from "../../server/db/client";
import { providerOf } from "../../server/db/provider";
import { env } from "../../server/env";

/** The keys a first sync's bulk load may drop on PostgreSQL (deferred-schema.ts), as child → parent. */
const sceneTableKeys = [
  ["scene", "studio_id", "studio"],
  ["scene_file", "scene_id", "scene"],
  ["scene_performer", "scene_id", "scene"],
  ["scene_performer", "performer_id", "performer"],
  ["scene_tag", "scene_id", "scene"],
  ["scene_tag", "tag_id", "tag"],
  ["sync_log", "sync_history_id", "sync_history"],
  // Refers to scene, whose primary key the load drops too.
  ["analysis_result", "scene_id", "scene"],
] as const;

/**
 * No dangling keys in the database. SQLite checks its foreign keys on request; PostgreSQL
 * enforces every validated one on each write, so none may be left unvalidated, and the rows of
 * keys a bulk load dropped for now are checked one by one.
 */
export async function expectNoDanglingForeignKeys(): Promise<void> {
  if (providerOf(env().DATABASE_URL) === "sqlite") {
    expect(await db().$queryRawUnsafe<unknown[]>("PRAGMA foreign_key_check")).toEqual([]);
    return;
  }
  const unvalidated = await db().$queryRawUnsafe<unknown[]>(
    `SELECT "conname" FROM "pg_constraint" WHERE "contype" = 'f' AND NOT "convalidated"`,
  );
  expect(unvalidated).toEqual([]);
  const foreignKeys = await db().$queryRawUnsafe<unknown[]>(
    `SELECT "conname" FROM "pg_constraint" WHERE "contype" = 'f'`,
  );
  // At least the keys no bulk load drops (analysis_result → analysis_plan, analysis_change →
  // analysis_result): the query reads the schema's keys.
  expect(foreignKeys.length).toBeGreaterThanOrEqual(2);
  for (const [child, column, parent] of sceneTableKeys) {
    const dangling = await db().$queryRawUnsafe<unknown[]>(
      `SELECT c."${column}" FROM "${child}" AS c WHERE c."${column}" IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM "${parent}" AS p WHERE p."id" = c."${column}") LIMIT 5`,
    );
    expect(dangling, `${child}.${column} → ${parent}`).toEqual([]);
  }
}
