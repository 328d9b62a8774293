// The PostgreSQL bulk writer's thread (see bulk-writer.ts). Plain JavaScript, like the SQLite
// writer's. A page's statements carry tens of thousands of array elements: encoding them and
// reading the replies here keeps each round trip from waiting on the main thread's work, which
// had left the server idle between a page's statements. A COPY comes as its text, built on the
// main thread (postgresql-copy-text.ts): one string crosses threads far cheaper than arrays.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parentPort, workerData } from "node:worker_threads";
import { from as copyFrom } from "pg-copy-streams";
import { openRawPool } from "./postgresql-raw-pool.mjs";

// One connection: calls run in the order they came, as the SQLite writer's do.
const pool = openRawPool(workerData.url, 1);
// A second one, opened on first use, for work that may run beside the first (write-aside).
let aside;
// A third, opened on first use, for small writes that must not wait behind either (a heartbeat).
let prompt;

async function writeAll(pool, statements) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    for (const { sql, params, copy } of statements) {
      if (copy !== undefined) await pipeline(Readable.from([copy]), client.query(copyFrom(sql)));
      else await client.query(sql, params);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function run({ kind, statements, statement }) {
  if (kind === "write") return void (await writeAll(pool, statements));
  if (kind === "write-aside")
    return void (await writeAll((aside ??= openRawPool(workerData.url, 1)), statements));
  if (kind === "write-promptly")
    return void (await writeAll((prompt ??= openRawPool(workerData.url, 1)), statements));
  if (kind === "query") return (await pool.query(statement.sql, statement.params)).rows;
  if (kind === "close") return void (await Promise.all([pool.end(), aside?.end(), prompt?.end()]));
  return null;
}

parentPort.on("message", (message) => {
  run(message).then(
    (result) => parentPort.postMessage({ id: message.id, ok: true, result: result ?? null }),
    (error) =>
      parentPort.postMessage({
        id: message.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
        code: error?.code,
      }),
  );
});
