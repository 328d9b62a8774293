import path from "node:path";
import { Worker } from "node:worker_threads";
import { env } from "../env";
import { sqliteFileFromUrl } from "./database-file";
import { unnestStatements } from "./postgresql-unnest";
import { openRawPool, toPostgresStatement } from "./postgresql-values";
import { providerOf } from "./provider";
import type { Statement } from "./sql-dialect";
import { toSqliteStatement } from "./sqlite-values";

/**
 * The sync engine's hot path: whole pages of rows written in one transaction each, through
 * prepared statements rather than Prisma's raw queries, which are much slower for multi-row
 * inserts (docs/decisions.md); everything else goes through the Prisma client.
 *
 * The SQLite implementation runs its own better-sqlite3 connection on a worker thread, so a
 * page's write never stalls web requests or the socket that brings in the next page. On
 * PostgreSQL it is one `pg` connection (a pool of one queues calls in order, as the worker does).
 */
export interface BulkWriter {
  /** Runs the statements in one transaction: all of them or none. */
  write(statements: Statement[]): Promise<void>;
  query<T>(statement: Statement): Promise<T[]>;
  /** After a run: folds the write-ahead log back into the database file. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

/** The writer connection's settings (exported for the bench, which writes as the writer does). */
export const sqliteWriterPragmas = [
  // WAL lets pages read while a sync writes; the setting is stored in the file.
  "journal_mode = WAL",
  "foreign_keys = ON",
  // In WAL mode NORMAL never corrupts the database; a power cut may lose the last pages
  // committed, which the next incremental sync reads again.
  "synchronous = NORMAL",
  // Checkpoints rarer than the default, which cost a large full sync much of its write time.
  "wal_autocheckpoint = 10000",
];

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

export function openSqliteBulkWriter(file: string): BulkWriter {
  // Resolved from the project root like every other path here (see database-file.ts): the
  // bundled server has no stable module directory.
  const worker = new Worker(path.join(process.cwd(), "server", "db", "sqlite-writer-worker.mjs"), {
    workerData: { file, pragmas: sqliteWriterPragmas },
  });
  // The worker must not keep a finished CLI or test process alive.
  worker.unref();
  let nextId = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  worker.on("message", (reply: Reply) => {
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    if (reply.ok) pending?.resolve(reply.result);
    else pending?.reject(new Error(reply.message));
  });
  worker.on("error", (error) => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  });
  const call = (message: Record<string, unknown>) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, ...message });
    });
  return {
    async write(statements) {
      if (statements.length > 0)
        await call({ kind: "write", statements: statements.map(toSqliteStatement) });
    },
    async query<T>(statement: Statement) {
      return (await call({ kind: "query", statement: toSqliteStatement(statement) })) as T[];
    },
    async checkpoint() {
      await call({ kind: "checkpoint" });
    },
    async close() {
      await call({ kind: "close" });
      await worker.terminate();
    },
  };
}

export function openPostgresqlBulkWriter(url: string): BulkWriter {
  const pool = openRawPool(url, 1);
  const statementFor = unnestStatements();
  return {
    async write(statements) {
      if (statements.length === 0) return;
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        for (const statement of statements) {
          const { sql, params } = statement.rows
            ? await statementFor(client, statement.rows)
            : toPostgresStatement(statement);
          await client.query(sql, params);
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async query<T>(statement: Statement) {
      const { sql, params } = toPostgresStatement(statement);
      return (await pool.query(sql, params)).rows as T[];
    },
    // PostgreSQL checkpoints on its own; there is no log file to fold back.
    async checkpoint() {},
    async close() {
      await pool.end();
    },
  };
}

const globalForBulk = globalThis as unknown as { stashSyncBulkWriter?: BulkWriter };

/** The process's bulk writer, on the configured database. */
export function bulkWriter(): BulkWriter {
  const url = env().DATABASE_URL;
  globalForBulk.stashSyncBulkWriter ??=
    providerOf(url) === "postgresql"
      ? openPostgresqlBulkWriter(url)
      : openSqliteBulkWriter(sqliteFileFromUrl(url));
  return globalForBulk.stashSyncBulkWriter;
}

/** Closes the process's bulk writer, if open; the next bulkWriter() opens a new one. */
export async function closeBulkWriter(): Promise<void> {
  const writer = globalForBulk.stashSyncBulkWriter;
  globalForBulk.stashSyncBulkWriter = undefined;
  await writer?.close();
}
