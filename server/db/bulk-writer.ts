import Database from "better-sqlite3";
import { env } from "../env";
import { sqliteFileFromUrl } from "./database-file";
import type { SqlValue, Statement } from "./sql-dialect";

/**
 * The sync engine's hot path: whole pages of rows written in one transaction. Prisma's raw
 * queries serialize every parameter through its query engine, which measured ~6× slower than
 * prepared statements for multi-row inserts (bench/); so page writes go through this writer,
 * and everything else through the Prisma client (server/db/client.ts).
 *
 * This is the SQLite implementation (a second better-sqlite3 connection to the same file);
 * a PostgreSQL one would implement the same interface with `pg`.
 */
export interface BulkWriter {
  /** Runs the statements in one transaction: all of them or none. */
  write(statements: Statement[]): Promise<void>;
  query<T>(statement: Statement): Promise<T[]>;
  close(): void;
}

/** Values as Prisma's SQLite adapter stores them, so the Prisma client reads them back alike. */
function toSqlite(value: SqlValue): string | number | bigint | null {
  if (value === null) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  return value;
}

export function openSqliteBulkWriter(file: string): BulkWriter {
  const sqlite = new Database(file, { timeout: 10_000 });
  // WAL lets pages read while a sync writes; the setting is stored in the file.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // In WAL mode NORMAL never corrupts the database; a power cut may lose the last pages
  // committed, which the next incremental sync reads again.
  sqlite.pragma("synchronous = NORMAL");
  // Index pages of a 100k-scene library stay in memory while a full sync writes them.
  sqlite.pragma("cache_size = -65536");
  const prepared = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = prepared.get(sql);
    if (!statement) {
      // Multi-row statements come in a few shapes (full pages and a last partial one).
      if (prepared.size > 200) prepared.clear();
      statement = sqlite.prepare(sql);
      prepared.set(sql, statement);
    }
    return statement;
  };
  const runAll = sqlite.transaction((statements: Statement[]) => {
    for (const { sql, params } of statements) prepare(sql).run(...params.map(toSqlite));
  });
  return {
    async write(statements) {
      if (statements.length > 0) runAll(statements);
    },
    async query<T>({ sql, params }: Statement) {
      return prepare(sql).all(...params.map(toSqlite)) as T[];
    },
    close: () => sqlite.close(),
  };
}

const globalForBulk = globalThis as unknown as { stashSyncBulkWriter?: BulkWriter };

/** The process's bulk writer, on the configured database. */
export function bulkWriter(): BulkWriter {
  globalForBulk.stashSyncBulkWriter ??= openSqliteBulkWriter(sqliteFileFromUrl(env().DATABASE_URL));
  return globalForBulk.stashSyncBulkWriter;
}
