import path from "node:path";
import { Worker } from "node:worker_threads";
import { env } from "../env";
import { logger } from "../logger";
import { sqliteFileFromUrl } from "./database-file";
import { rowInsertStatements } from "./postgresql-row-inserts";
import { toPostgresStatement } from "./postgresql-values";
import { providerOf } from "./provider";
import { sqliteWriterCacheKiB, type Statement } from "./sql-dialect";
import { toSqliteStatement } from "./sqlite-values";

/**
 * The sync engine's hot path: whole pages of rows written in one transaction each, through
 * prepared statements rather than Prisma's raw queries, which are much slower for multi-row
 * inserts (docs/decisions.md); everything else goes through the Prisma client.
 *
 * Each implementation runs its one connection on a worker thread (better-sqlite3's, or `pg`'s),
 * so a page's write never stalls web requests or the socket that brings in the next page, and
 * the main thread's work never delays the writer's next statement.
 */
export interface BulkWriter {
  /** Runs the statements in one transaction: all of them or none. */
  write(statements: Statement[]): Promise<void>;
  /**
   * As write, on a second connection, beside write's calls rather than after them: for long
   * work on other tables (PostgreSQL; SQLite has one writer, so it has none).
   */
  writeAside?(statements: Statement[]): Promise<void>;
  /**
   * For a run's heartbeat. On PostgreSQL as write, on a connection of its own that never waits
   * behind write's or writeAside's long work (an index build); SQLite has one writer, so there
   * it is write, queued between the others.
   */
  writePromptly(statements: Statement[]): Promise<void>;
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
  // better-sqlite3's default, named so that an index build can set it back (sql-dialect.ts).
  `cache_size = -${sqliteWriterCacheKiB}`,
];

type Reply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; message: string; code?: string }
  | { warning: string };

/** A writer thread running `script` and a call that posts it a request and awaits the reply. */
function startWriterThread(script: string, workerData: unknown) {
  const worker = new Worker(script, { workerData });
  // The worker must not keep a finished CLI or test process alive.
  worker.unref();
  let nextId = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  worker.on("message", (reply: Reply) => {
    if ("warning" in reply) return void logger.warn(reply.warning);
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    if (reply.ok) pending?.resolve(reply.result);
    // The database's error code (a busy or lock error) survives the thread boundary.
    else pending?.reject(Object.assign(new Error(reply.message), { code: reply.code }));
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
  return { worker, call };
}

export function openSqliteBulkWriter(file: string): BulkWriter {
  // Resolved from the project root like every other path here (see database-file.ts): the
  // bundled server has no stable module directory. Written out whole, so that the build's
  // file tracing sees which file it is, not a folder of them.
  const script = path.join(process.cwd(), "server", "db", "sqlite-writer-worker.mjs");
  const { worker, call } = startWriterThread(script, {
    file,
    pragmas: sqliteWriterPragmas,
  });
  const write = async (statements: Statement[]) => {
    if (statements.length > 0)
      await call({ kind: "write", statements: statements.map(toSqliteStatement) });
  };
  return {
    write,
    writePromptly: write,
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
  // As the SQLite writer's: from the project root, written out whole.
  const script = path.join(process.cwd(), "server", "db", "postgresql-writer-worker.mjs");
  const { worker, call } = startWriterThread(script, { url });
  const statementFor = rowInsertStatements();
  const query = async <T>(statement: Statement) =>
    (await call({ kind: "query", statement: toPostgresStatement(statement) })) as T[];
  const catalog = <T>(sql: string) => query<T>({ sql, params: [] });
  const writeOn = async (
    kind: "write" | "write-aside" | "write-promptly",
    statements: Statement[],
  ) => {
    if (statements.length === 0) return;
    const prepared = [];
    for (const statement of statements)
      prepared.push(
        statement.rows
          ? await statementFor(catalog, statement.rows)
          : toPostgresStatement(statement),
      );
    await call({ kind, statements: prepared });
  };
  return {
    write: (statements) => writeOn("write", statements),
    writeAside: (statements) => writeOn("write-aside", statements),
    writePromptly: (statements) => writeOn("write-promptly", statements),
    query,
    // PostgreSQL checkpoints on its own; there is no log file to fold back.
    async checkpoint() {},
    async close() {
      await call({ kind: "close" });
      await worker.terminate();
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

/**
 * Runs each statement in a transaction of its own, in order, two at a time where the writer
 * has a second connection (writeAside): for independent work, such as one table's statistics
 * each. Waits for both lanes before it reports a failure, so nothing it began runs on after.
 */
export function writeEachInTwoLanes(writer: BulkWriter, statements: Statement[]): Promise<void> {
  return inTwoLanes(writer, statements, (statement, write) => write([statement]));
}

/**
 * Runs `job` for each of `jobs` in order, two at a time where the writer has a second
 * connection, each lane writing on its own connection (`write`); a lane stops at its first
 * failure, and the first failure is thrown once both lanes are done.
 */
export async function inTwoLanes<T>(
  writer: BulkWriter,
  jobs: T[],
  job: (next: T, write: (statements: Statement[]) => Promise<void>) => Promise<void>,
): Promise<void> {
  const queue = [...jobs];
  const lane = async (write: (statements: Statement[]) => Promise<void>) => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await job(next, write);
  };
  // The second lane takes the first job, the longest where they are ordered so: the first
  // lane's connection also writes the other work's pages, which then wait less.
  const aside = writer.writeAside?.bind(writer);
  const lanes = [...(aside ? [lane(aside)] : []), lane((s) => writer.write(s))];
  const failed = (await Promise.allSettled(lanes)).find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
}
