import { expect } from "vitest";
import { db } from "../../server/db/client";
import { providerOf } from "../../server/db/provider";
import { env } from "../../server/env";

/**
 * No dangling keys in the database. SQLite checks its foreign keys on request; PostgreSQL
 * enforces every validated one on each write, so none may be left unvalidated (and they exist).
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
  expect(foreignKeys.length).toBeGreaterThanOrEqual(6);
}
