// The SQLite writer's connection, shared by the bulk writer's thread (sqlite-writer-worker.mjs)
// and the bench's replay of a sync's writes (bench/replay-writes-worker.mjs), so both write a
// batch the same way. Plain JavaScript, like the workers that load it.
import Database from "better-sqlite3";

/**
 * Opens `file` with the writer's `pragmas`. `writeAll(statements)` runs a batch of
 * `{ sql, params }` in one transaction: all of it or none.
 */
export function openWriterConnection(file, pragmas) {
  const sqlite = new Database(file, { timeout: 10_000 });
  for (const pragma of pragmas) sqlite.pragma(pragma);

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

  const inTransaction = sqlite.transaction((statements) => {
    // Parameters bound as one array: spreading thousands of them as arguments costs more.
    for (const { sql, params } of statements) prepare(sql).run(params);
  });

  /** A failed batch is rolled back, but not a PRAGMA it ran (an index build's cache size). */
  function writeAll(statements) {
    try {
      inTransaction(statements);
    } catch (error) {
      try {
        for (const pragma of pragmas) sqlite.pragma(pragma);
      } catch {
        // The batch's own error says more.
      }
      throw error;
    }
  }

  return { sqlite, prepare, writeAll };
}
