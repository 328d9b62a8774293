// The SQLite writer's connection, shared by the bulk writer's thread (sqlite-writer-worker.mjs)
// and the bench's replay of a sync's writes (bench/replay-writes-worker.mjs), so both write a
// batch the same way. Plain JavaScript, like the workers that load it.
import { performance } from "node:perf_hooks";
import { URL } from "node:url";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";

/**
 * Opens `file` with the writer's `pragmas`. `writeAll(statements)` runs a batch of
 * `{ sql, params }` in one transaction: all of it or none. After each batch a checkpointer
 * thread (sqlite-checkpoint-worker.mjs, or `checkpointer`) copies the log into the file beside
 * the next writes; `warn` hears of it if that thread fails.
 */
// The checkpointer holds its lock for one copy of what a batch wrote: milliseconds.
const checkpointWaitMs = 2_000;
const checkpointPauseMs = 5;
const pause = new Int32Array(new SharedArrayBuffer(4));

export function openWriterConnection(
  file,
  pragmas,
  {
    warn = () => {},
    checkpointer: script = new URL("./sqlite-checkpoint-worker.mjs", import.meta.url),
  } = {},
) {
  const sqlite = new Database(file, { timeout: 10_000 });
  for (const pragma of pragmas) sqlite.pragma(pragma);
  const checkpointer = new Worker(script, { workerData: { file } });
  // A checkpointer that fails to start or dies leaves the writer's own automatic checkpoints:
  // slower, never wrong.
  checkpointer.on("error", (error) =>
    warn(
      `The SQLite checkpointer thread stopped (${error instanceof Error ? error.message : String(error)}); the writer copies its log into the database file itself, pausing its writes to do so.`,
    ),
  );
  const checkpointerGone = new Promise((resolve) => checkpointer.once("exit", resolve));

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
    checkpointer.postMessage("checkpoint");
  }

  /**
   * Folds the whole log back into the file and empties it (after a run). The checkpointer may
   * be copying, which makes SQLite answer busy at once rather than wait: wait for it here.
   */
  function checkpoint() {
    // Readers in the way are waited for by the connection's busy timeout, within one try.
    const deadline = performance.now() + checkpointWaitMs;
    for (;;) {
      const [{ busy }] = sqlite.pragma("wal_checkpoint(TRUNCATE)");
      if (!busy || performance.now() > deadline) return;
      Atomics.wait(pause, 0, 0, checkpointPauseMs);
    }
  }

  async function close() {
    sqlite.close();
    checkpointer.postMessage("close");
    await checkpointerGone;
  }

  return { sqlite, prepare, writeAll, checkpoint, close };
}
