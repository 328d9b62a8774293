/**
 * The "writes only" pass of `npm run bench`, in its own process on its own empty SQLite files:
 * the least time a first full sync can take here with the tables the design asks for, however
 * its code were written.
 *
 * It runs a first full sync (not timed) and keeps every batch of statements the sync sent to
 * the bulk writer. Then, on a second empty database, it pages through the library exactly as
 * the fetch-only pass does (each scene parsed and validated) while the bulk writer writes
 * those same batches again, each page's while the next page is fetched: fetching and writing
 * alone, with nothing compared, planned or built. Its rate against a fetch-only pass measured
 * just before bounds the first full sync's share of fetch on this machine.
 * Prints its figures as one line (passLinePrefix + JSON). Arguments: <graphql url> <scenes> <per page>.
 */
import type { Statement } from "../server/db/sql-dialect";
import { fetchOnlyPass, pagesPass, scenePage } from "./library-pages";
import { passLinePrefix, round, type WritesOnlyFigures } from "./timing";

const [url, scenesArg, perPageArg] = process.argv.slice(2);
const pages = { sceneCount: Number(scenesArg), perPage: Number(perPageArg) };

// Imported after the parent set DATABASE_URL: the app's one database module reads it once.
const { applyMigrations } = await import("../server/db/migrations");
const { sqliteFileFromUrl } = await import("../server/db/database-file");
const { bulkWriter, openSqliteBulkWriter } = await import("../server/db/bulk-writer");
const { StashClient } = await import("../server/stash/client");
const { runSync } = await import("../server/sync/sync-service");

// DATABASE_URL is migrated by bench/run.ts.
const file = sqliteFileFromUrl(process.env.DATABASE_URL!);
const kept: Statement[][] = [];
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
if (sync.status !== "completed") {
  console.error(`The full sync ended ${sync.status}: its writes are not a first sync's.`);
  process.exit(1);
}

// The second database holds the run's row, which the kept log rows point to.
const replicaFile = `${file}.writes-only`;
await applyMigrations(replicaFile);
const replica = openSqliteBulkWriter(replicaFile);
const runs = await writer.query<Record<string, string | number | null>>({
  sql: `SELECT * FROM "sync_history"`,
  params: [],
});
await replica.write(
  runs.map((run) => ({
    sql: `INSERT INTO "sync_history" (${Object.keys(run).map((c) => `"${c}"`)}) VALUES (${Object.keys(run).map(() => "?")})`,
    params: Object.values(run),
  })),
);

// The sync writes performers, tags and studios first, then a batch per page of scenes
// (between them, progress and heartbeat updates), then rebuilds its deferred indexes.
const isScenePage = (batch: Statement[]) =>
  batch.some((s) => s.sql.startsWith(`INSERT INTO "scene" (`));
let next = 0;
/** Writes the kept batches in order up to the next page of scenes, and that page if `withIt`. */
async function writeUpToScenePage(withIt: boolean) {
  while (next < kept.length && !isScenePage(kept[next]!)) await replica.write(kept[next++]!);
  if (withIt && next < kept.length) await replica.write(kept[next++]!);
}

const client = new StashClient({ url: url!, perPage: pages.perPage });
await fetchOnlyPass("warm-up, not counted:", client, pages);
const fetchRate = await fetchOnlyPass("fetch only:", client, pages);
let writing = Promise.resolve();
const rate = await pagesPass("writes only:", pages, async (page) => {
  if (page === 1) await writeUpToScenePage(false);
  await client.findScenes(scenePage(page, pages.perPage));
  await writing;
  writing = writeUpToScenePage(true);
  if (page * pages.perPage >= pages.sceneCount) {
    await writing;
    while (next < kept.length) await writeUpToScenePage(true);
    await replica.checkpoint();
  }
});
console.log(
  `    writes only: ${round((rate / fetchRate) * 100)} % of fetch, the most a first full sync writing these rows can reach here`,
);
await replica.close();
const figures: WritesOnlyFigures = { fetchRate, rate };
console.log(passLinePrefix + JSON.stringify(figures));
process.exit(0);
