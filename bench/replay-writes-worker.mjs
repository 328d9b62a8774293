// The writes-only pass's writer thread (bench/writes-only-pass.ts). It holds a first full
// sync's batches and writes one on request, in one transaction, as the bulk writer's thread
// (server/db/sqlite-writer-worker.mjs) wrote it. Holding them here keeps several hundred MB out
// of the thread that fetches, whose garbage collection would otherwise slow the fetching.
// Requests are answered in order, each with { ok } or { ok: false, message }.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const sqlite = new Database(workerData.file, { timeout: 10_000 });
for (const pragma of workerData.pragmas) sqlite.pragma(pragma);

const prepared = new Map();
function prepare(sql) {
  let statement = prepared.get(sql);
  if (!statement) prepared.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}
const writeAll = sqlite.transaction((statements) => {
  for (const { sql, params } of statements) prepare(sql).run(params);
});

/** @type {({ sql: string, params: unknown[] }[] | null)[]} */
const batches = [];
parentPort.on("message", ({ kind, batch, index }) => {
  try {
    if (kind === "keep") batches.push(batch);
    else if (kind === "write") {
      writeAll(batches[index]);
      batches[index] = null;
    } else if (kind === "checkpoint") sqlite.pragma("wal_checkpoint(TRUNCATE)");
    else if (kind === "close") sqlite.close();
    parentPort.postMessage({ ok: true });
  } catch (error) {
    parentPort.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
