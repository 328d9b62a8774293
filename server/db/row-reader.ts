import Database from "better-sqlite3";
import { env } from "../env";
import { cappedCache } from "./capped-cache";
import { sqliteFileFromUrl } from "./database-file";
import { openRawPool, toPostgresStatement } from "./postgresql-values";
import { providerOf } from "./provider";
import type { Statement } from "./sql-dialect";
import { toSqliteStatement } from "./sqlite-values";

/**
 * Raw rows for the hottest reads: a scene's history (asked on every scene page) and a sync's
 * look-ups of stored rows, where Prisma's allocations showed in the tail (docs/decisions.md).
 * Everything else reads through the Prisma client (server/db/client.ts).
 *
 * The SQLite implementation is a query-only better-sqlite3 connection with prepared statements
 * kept by their text; in WAL mode it reads while a sync writes (the sync engine reads its
 * committed state through it while the writer's thread commits the next page). On PostgreSQL
 * it is a small `pg` pool.
 */
export interface RowReader {
  all<T>(statement: Statement): Promise<T[]>;
  /** The first column of every row: for long lists of ids, without an object per row. */
  column<T>(statement: Statement): Promise<T[]>;
  close(): void;
}

export function openSqliteRowReader(file: string): RowReader {
  // Not opened read-only: SQLite may then be unable to open a WAL database whose shared-memory
  // file does not exist yet. query_only refuses writes all the same.
  const sqlite = new Database(file, { fileMustExist: true, timeout: 10_000 });
  sqlite.pragma("query_only = ON");
  // Queries come in a few fixed shapes.
  const prepared = cappedCache<Database.Statement>(200);
  const plucked = cappedCache<Database.Statement>(50);
  return {
    async all<T>(statement: Statement) {
      const { sql, params } = toSqliteStatement(statement);
      return prepared(sql, () => sqlite.prepare(sql)).all(params) as T[];
    },
    async column<T>(statement: Statement) {
      const { sql, params } = toSqliteStatement(statement);
      return plucked(sql, () => sqlite.prepare(sql).pluck()).all(params) as T[];
    },
    close: () => sqlite.close(),
  };
}

const globalForReader = globalThis as unknown as { stashSyncRowReader?: RowReader };

/** The process's row reader, on the configured database. */
export function rowReader(): RowReader {
  const url = env().DATABASE_URL;
  globalForReader.stashSyncRowReader ??=
    providerOf(url) === "postgresql"
      ? openPostgresqlRowReader(url)
      : openSqliteRowReader(sqliteFileFromUrl(url));
  return globalForReader.stashSyncRowReader;
}

/** Every row of several statements: a long list cut into chunks (whereIn, withValues). */
export async function readRows<T>(statements: Statement[]): Promise<T[]> {
  const rows: T[] = [];
  for (const statement of statements) {
    for (const row of await rowReader().all<T>(statement)) rows.push(row);
  }
  return rows;
}

/** Closes the process's row reader, if open; the next rowReader() opens a new one. */
export function closeRowReader(): void {
  globalForReader.stashSyncRowReader?.close();
  globalForReader.stashSyncRowReader = undefined;
}

export function openPostgresqlRowReader(url: string): RowReader {
  const pool = openRawPool(url, 4);
  return {
    async all<T>(statement: Statement) {
      const { sql, params } = toPostgresStatement(statement);
      return (await pool.query(sql, params)).rows as T[];
    },
    async column<T>(statement: Statement) {
      const { sql, params } = toPostgresStatement(statement);
      const result = await pool.query({ text: sql, values: params, rowMode: "array" });
      return result.rows.map((row: unknown[]) => row[0]) as T[];
    },
    close: () => void pool.end(),
  };
}
