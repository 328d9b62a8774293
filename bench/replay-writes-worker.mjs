// The writes-only pass's writer thread (bench/writes-only-pass.ts). It holds a first full
// sync's batches and writes one on request, through the bulk writer's own connection code
// (server/db/sqlite-writer-connection.mjs). Holding them here keeps several hundred MB out of
// the thread that fetches, whose garbage collection would otherwise slow the fetching.
// Requests are answered in order, each with { ok } or { ok: false, message }.
import { parentPort, workerData } from "node:worker_threads";
import { openWriterConnection } from "../server/db/sqlite-writer-connection.mjs";

const { writeAll, checkpoint, close } = openWriterConnection(workerData.file, workerData.pragmas);

/** @type {({ sql: string, params: unknown[] }[] | null)[]} */
const batches = [];
parentPort.on("message", async ({ kind, batch, index }) => {
  try {
    if (kind === "keep") batches.push(batch);
    else if (kind === "write") {
      writeAll(batches[index]);
      batches[index] = null;
    } else if (kind === "checkpoint") checkpoint();
    else if (kind === "close") await close();
    parentPort.postMessage({ ok: true });
  } catch (error) {
    parentPort.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
