// The SQLite bulk writer's thread (see bulk-writer.ts). Plain JavaScript so that every runtime
// that starts it — `next start`'s bundled server, tsx scripts, vitest — can load it as is.
// It owns one better-sqlite3 connection; the main thread posts requests and awaits replies.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const sqlite = new Database(workerData.file, { timeout: 10_000 });
for (const pragma of workerData.pragmas) sqlite.pragma(pragma);

/** @type {Map<string, import("better-sqlite3").Statement>} */
const prepared = new Map();
function prepare(sql) {
  let statement = prepared.get(sql);
  if (!statement) {
    // Statements come in a few fixed shapes (sql-dialect.ts); the cap is a safety net.
    if (prepared.size > 500) prepared.clear();
    statement = sqlite.prepare(sql);
    prepared.set(sql, statement);
  }
  return statement;
}

const writeAll = sqlite.transaction((statements) => {
  // Parameters bound as one array: spreading thousands of them as arguments costs more.
  for (const { sql, params } of statements) prepare(sql).run(params);
});

parentPort.on("message", ({ id, kind, statements, statement }) => {
  try {
    let result = null;
    if (kind === "write") writeAll(statements);
    else if (kind === "query") result = prepare(statement.sql).all(statement.params);
    else if (kind === "checkpoint") sqlite.pragma("wal_checkpoint(TRUNCATE)");
    else if (kind === "close") sqlite.close();
    parentPort.postMessage({ id, ok: true, result });
  } catch (error) {
    parentPort.postMessage({
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
