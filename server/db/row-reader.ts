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

/** A SQLite reader; `cacheKiB` sets its page cache (better-sqlite3 builds SQLite with 16 MB). */
export function openSqliteRowReader(file: string, cacheKiB?: number): RowReader {
  // Not opened read-only: SQLite may then be unable to open a WAL database whose shared-memory
  // file does not exist yet. query_only refuses writes all the same.
  const sqlite = new Database(file, { fileMustExist: true, timeout: 10_000 });
  sqlite.pragma("query_only = ON");
  if (cacheKiB) sqlite.pragma(`cache_size = -${Math.trunc(cacheKiB)}`);
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

const globalForReader = globalThis as unknown as {
  stashSyncRowReader?: RowReader;
  stashSyncSceneListReader?: RowReader;
};

/**
 * The scene list's page cache on SQLite. A common search walks its order's index and its
 * count reads thousands of pages more, which evicted each other from the default 16 MB
 * (measured at 500,000 scenes, search with a filter: 43 ms p50 for the list, against 17 ms
 * for its three queries timed apart; 24 ms with 64 MB).
 */
const SCENE_LIST_CACHE_KIB = 64 * 1024;

/** The process's row reader, on the configured database. */
export function rowReader(): RowReader {
  const url = env().DATABASE_URL;
  globalForReader.stashSyncRowReader ??=
    providerOf(url) === "postgresql"
      ? openPostgresqlRowReader(url)
      : openSqliteRowReader(sqliteFileFromUrl(url));
  return globalForReader.stashSyncRowReader;
}

/**
 * The scene list's reader: on SQLite a connection of its own with a larger page cache, opened
 * only by a process that serves the list, so a sync's memory stays as it was; on PostgreSQL,
 * whose server keeps the cache, the process's reader.
 */
export function sceneListReader(): RowReader {
  const url = env().DATABASE_URL;
  if (providerOf(url) === "postgresql") return rowReader();
  globalForReader.stashSyncSceneListReader ??= openSqliteRowReader(
    sqliteFileFromUrl(url),
    SCENE_LIST_CACHE_KIB,
  );
  return globalForReader.stashSyncSceneListReader;
}

/** Every row of several statements: a long list cut into chunks (whereIn, withValues). */
export async function readRows<T>(statements: Statement[]): Promise<T[]> {
  const rows: T[] = [];
  for (const statement of statements) {
    for (const row of await rowReader().all<T>(statement)) rows.push(row);
  }
  return rows;
}

/** Closes the process's row readers, if open; the next call opens new ones. */
export function closeRowReader(): void {
  globalForReader.stashSyncRowReader?.close();
  globalForReader.stashSyncRowReader = undefined;
  globalForReader.stashSyncSceneListReader?.close();
  globalForReader.stashSyncSceneListReader = undefined;
}

/** The most statement texts PostgreSQL's reader names: each is kept on every pooled connection. */
const MAX_PREPARED_TEXTS = 50;

export function openPostgresqlRowReader(url: string): RowReader {
  const pool = openRawPool(url, 4);
  // A name stays bound to its text for the pool's life: pg refuses a name reused for another text.
  const names = new Map<string, string>();
  const nameOf = (statement: Statement, sql: string): string | undefined => {
    if (!statement.prepared) return undefined;
    let name = names.get(sql);
    if (name === undefined && names.size < MAX_PREPARED_TEXTS) {
      name = `stash_sync_read_${names.size}`;
      names.set(sql, name);
    }
    return name;
  };
  return {
    async all<T>(statement: Statement) {
      const { sql, params } = toPostgresStatement(statement);
      const name = nameOf(statement, sql);
      return (await pool.query({ name, text: sql, values: params })).rows as T[];
    },
    async column<T>(statement: Statement) {
      const { sql, params } = toPostgresStatement(statement);
      const name = nameOf(statement, sql);
      const result = await pool.query({ name, text: sql, values: params, rowMode: "array" });
      return result.rows.map((row: unknown[]) => row[0]) as T[];
    },
    close: () => void pool.end(),
  };
}
