/**
 * One full sync into a new, migrated database (DATABASE_URL), timed, for the search
 * index's write cost: with `plain`, the search index's table is first replaced by an ordinary
 * table of the same columns, so the sync writes the same rows but no index is maintained.
 * bench/run.ts alternates the two and reports their ratio. Prints its figures on the
 * passLinePrefix line.
 * Arguments: <graphql url> <per page> <index | plain>.
 */
import Database from "better-sqlite3";
import { sqliteFileFromUrl } from "../server/db/database-file";
import { openRawPool } from "../server/db/postgresql-values";
import { providerOf } from "../server/db/provider";
import { passLinePrefix, round, timed } from "./timing";

const [url, perPageArg, mode] = process.argv.slice(2);
const databaseUrl = process.env.DATABASE_URL ?? "";

if (mode === "plain" && providerOf(databaseUrl) === "sqlite") {
  const database = new Database(sqliteFileFromUrl(databaseUrl));
  database.exec(`DROP TABLE "scene_search";
    CREATE TABLE "scene_search" ("rowid" INTEGER PRIMARY KEY, "text");`);
  database.close();
} else if (mode === "plain") {
  // The rename triggers stay: no name changes during a first full sync.
  const pool = openRawPool(databaseUrl, 1);
  await pool.query(`DROP TABLE "scene_search";
    CREATE TABLE "scene_search" ("scene_id" TEXT PRIMARY KEY, "text" TEXT NOT NULL)`);
  await pool.end();
}

// Imported after the database is prepared: the app's one database module reads it once.
const { db } = await import("../server/db/client");
const { bulkWriter, closeBulkWriter } = await import("../server/db/bulk-writer");
const { runSync } = await import("../server/sync/sync-service");
// Opened before the clock starts, as a running server has them (see sync-pass.ts).
await db().syncHistory.count();
await bulkWriter().query({ sql: "SELECT 1", params: [] });

const cpuBefore = process.cpuUsage();
const sync = await timed(() =>
  runSync({ type: "full" }, "cli", { stash: { url: url! }, perPage: Number(perPageArg) }),
);
// CPU time (all of this process's threads, the writer's included) moves less with the load of
// a shared machine than wall time does.
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  `  full sync, search index ${mode === "plain" ? "left out" : "kept"}: ${sync.seconds.toFixed(2)} s, ${cpuSeconds.toFixed(2)} s CPU`,
);
console.log(
  `${passLinePrefix}${JSON.stringify({ seconds: round(sync.seconds, 3), cpuSeconds: round(cpuSeconds, 3) })}`,
);
await closeBulkWriter();
await db().$disconnect();
process.exit(0);
