// The SQLite bulk writer's thread (see bulk-writer.ts). Plain JavaScript so that every runtime
// that starts it — `next start`'s bundled server, tsx scripts, vitest — can load it as is.
// It owns one writer connection; the main thread posts requests and awaits replies.
import { parentPort, workerData } from "node:worker_threads";
import { openWriterConnection } from "./sqlite-writer-connection.mjs";

// A warning goes to the main thread, whose logger redacts and formats every line.
const { prepare, writeAll, checkpoint, close } = openWriterConnection(
  workerData.file,
  workerData.pragmas,
  { warn: (warning) => parentPort.postMessage({ warning }) },
);

parentPort.on("message", async ({ id, kind, statements, statement }) => {
  try {
    let result = null;
    if (kind === "write") writeAll(statements);
    else if (kind === "query") result = prepare(statement.sql).all(statement.params);
    else if (kind === "checkpoint") checkpoint();
    else if (kind === "close") await close();
    parentPort.postMessage({ id, ok: true, result });
  } catch (error) {
    parentPort.postMessage({
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      code: error?.code,
    });
  }
});
