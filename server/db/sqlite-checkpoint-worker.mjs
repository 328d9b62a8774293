// The SQLite writer's checkpointer: a thread of its own with a connection of its own, which
// copies the write-ahead log's committed pages into the database file while the writer goes on
// writing (sqlite-writer-connection.mjs asks after each batch). In WAL mode a PASSIVE
// checkpoint never blocks the writer nor readers, so the copying and its two fsyncs leave the
// writer's thread, which otherwise checkpoints inside a commit (docs/decisions.md).
import process from "node:process";
import { setImmediate } from "node:timers";
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const sqlite = new Database(workerData.file, { timeout: 10_000 });
// The checkpoint syncs the log before copying and the file after, as the writer's would.
sqlite.pragma("synchronous = NORMAL");

let running = false;
let again = false;

function checkpoint() {
  running = true;
  again = false;
  try {
    sqlite.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // Nothing is lost: the log keeps every page, and the next checkpoint (this thread's, or
    // the writer's own automatic one) copies it.
  }
  // Batches committed meanwhile were asked for once more: one checkpoint covers them all.
  if (again) setImmediate(checkpoint);
  else running = false;
}

parentPort.on("message", (message) => {
  if (message === "close") {
    sqlite.close();
    process.exit(0);
  }
  if (running) again = true;
  else checkpoint();
});
