/**
 * The "writes only" pass of `npm run bench`, in its own process on its own empty SQLite files
 * (DATABASE_URL, migrated by bench/run.ts, and a second one next to it): how fast the first
 * full sync's writes alone go here, while the library is fetched.
 *
 * It runs a first full sync (not timed) and keeps every batch the sync sent to the bulk writer:
 * all its rows, all but the few the Prisma client writes (the run's own row, its lock). A
 * writer thread of the bench's (replay-writes-worker.mjs) takes those batches over; then this
 * thread pages through the library's scenes exactly as the fetch-only pass does (each scene
 * parsed and validated) while that thread writes the batches again into the second database,
 * each page's while the next page is fetched, with the progress batches between them and the
 * deferred indexes rebuilt at the end. Nothing is compared, planned or built, and no batch is
 * copied between threads; the pages of performers, tags and studios are written but not
 * fetched. So its share of a fetch-only pass measured just before bounds what a first full
 * sync writing the same rows, a transaction per page, can reach on this machine.
 * Prints its figures as one line (passLinePrefix + JSON). Arguments: <graphql url> <scenes> <per page>.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Statement } from "../server/db/sql-dialect";
import { fetchOnlyPass, pagesPass, scenePage } from "./library-pages";
import { passLinePrefix, round, type WritesOnlyFigures } from "./timing";

const [url, scenesArg, perPageArg] = process.argv.slice(2);
const pages = { sceneCount: Number(scenesArg), perPage: Number(perPageArg) };
const pageCount = Math.ceil(pages.sceneCount / pages.perPage);

// Imported after the parent set DATABASE_URL: the app's one database module reads it once.
const { applyMigrations } = await import("../server/db/migrations");
const { sqliteFileFromUrl } = await import("../server/db/database-file");
const { bulkWriter, sqliteWriterPragmas } = await import("../server/db/bulk-writer");
const { StashClient } = await import("../server/stash/client");
const { runSync } = await import("../server/sync/sync-service");

const file = sqliteFileFromUrl(process.env.DATABASE_URL!);
let kept: Statement[][] = [];
const writer = bulkWriter();
const write = writer.write.bind(writer);
writer.write = (statements) => {
  kept.push(statements);
  return write(statements);
};
const sync = await runSync({ type: "full" }, "cli", {
  stash: { url: url! },
  perPage: pages.perPage,
});
if (sync.status !== "completed") fail(`the full sync ended ${sync.status}`);

// The second database, with the run's row that the kept log rows point to.
const replicaFile = `${file}.writes-only`;
await applyMigrations(replicaFile);
const [run] = await writer.query<Record<string, string | number | null>>({
  sql: `SELECT * FROM "sync_history" WHERE "job_id" = ?`,
  params: [sync.jobId],
});
const columns = Object.keys(run!);
kept.unshift([
  {
    sql: `INSERT INTO "sync_history" (${columns.map((c) => `"${c}"`)}) VALUES (${columns.map(() => "?")})`,
    params: Object.values(run!),
  },
]);

// The sync writes performers, tags and studios first, then one batch per page of scenes
// (progress and heartbeat batches between them), then rebuilds its deferred indexes.
const isScenePage = (batch: Statement[]) =>
  batch.some((s) => s.sql.startsWith(`INSERT INTO "scene" (`));
const scenePages = kept.flatMap((batch, index) => (isScenePage(batch) ? [index] : []));
if (scenePages.length !== pageCount) {
  fail(`the sync wrote ${scenePages.length} batches of scenes for ${pageCount} pages`);
}
const replica = replayWriter(replicaFile);
for (const batch of kept) await replica.call({ kind: "keep", batch });
const batchCount = kept.length;
kept = []; // held by the writer thread from now on
let next = 0;
/** Writes the kept batches in order, up to `end` (exclusive). */
async function writeUpTo(end: number) {
  while (next < end) await replica.call({ kind: "write", index: next++ });
}
await writeUpTo(1); // the run's row

const client = new StashClient({ url: url!, perPage: pages.perPage });
await fetchOnlyPass("warm-up, not counted:", client, pages);
const fetchRate = await fetchOnlyPass("fetch only:", client, pages);
let writing = Promise.resolve();
const rate = await pagesPass("writes only:", pages, async (page) => {
  if (page === 1) await writeUpTo(scenePages[0]!); // performers, tags, studios
  await client.findScenes(scenePage(page, pages.perPage));
  await writing;
  writing = writeUpTo(scenePages[page - 1]! + 1);
  // A failure is reported by the next await on it; meanwhile it must not count as unhandled.
  writing.catch(() => {});
  if (page === pageCount) {
    await writing;
    await writeUpTo(batchCount);
    await replica.call({ kind: "checkpoint" });
  }
});
console.log(
  `    writes only: ${round((rate / fetchRate) * 100)} % of fetch, the most a first full sync writing these rows can reach here`,
);
await replica.call({ kind: "close" });
const figures: WritesOnlyFigures = { fetchRate, rate };
console.log(passLinePrefix + JSON.stringify(figures));
process.exit(0);

function fail(reason: string): never {
  console.error(`The writes-only pass cannot measure: ${reason}.`);
  process.exit(1);
}

/** The bench's writer thread; one request at a time, answered in order. */
function replayWriter(sqliteFile: string) {
  const worker = new Worker(path.join(process.cwd(), "bench", "replay-writes-worker.mjs"), {
    workerData: { file: sqliteFile, pragmas: sqliteWriterPragmas },
  });
  const waiting: { resolve: () => void; reject: (e: Error) => void }[] = [];
  worker.on("message", (reply: { ok: boolean; message?: string }) => {
    const pending = waiting.shift();
    if (reply.ok) pending?.resolve();
    else pending?.reject(new Error(reply.message));
  });
  worker.on("error", (error) => {
    for (const pending of waiting.splice(0)) pending.reject(error);
  });
  return {
    call: (message: Record<string, unknown>) =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage(message);
      }),
  };
}
