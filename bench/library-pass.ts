/**
 * The library pass of `npm run bench`: the scene list at a large library (default 500,000
 * scenes), through listScenes, the function the page calls. The library is written by
 * bench/library-seed.ts through the sync's writer, not synced: a sync of that size would take
 * the bench many minutes. Run by bench/run.ts in its own process on its own database
 * (DATABASE_URL); prints its figures on the passLinePrefix line.
 * Usage: node --import tsx bench/library-pass.ts <scenes> <compare-scenes>
 */
import { statSync } from "node:fs";
import {
  bulkWriter,
  openPostgresqlBulkWriter,
  openSqliteBulkWriter,
  type BulkWriter,
} from "../server/db/bulk-writer";
import { sqliteFileFromUrl } from "../server/db/database-file";
import { applyMigrations } from "../server/db/migrations";
import { providerOf } from "../server/db/provider";
import { rowReader } from "../server/db/row-reader";
import { listScenes } from "../server/library/list-scenes";
import type { ListScenesInput } from "../server/library/scene-list-schema";
import { seedLibrary } from "./library-seed";
import { passLinePrefix, round } from "./timing";

const sceneCount = Number(process.argv[2] ?? 500_000);
const compareCount = Number(process.argv[3] ?? 50_000);
const url = process.env.DATABASE_URL ?? "";
const provider = providerOf(url);

const search = "library/studio-3";
const cases: Record<string, ListScenesInput> = {
  firstPage: {},
  deepPage: { sort: "date_desc", page: 500 },
  search: { search },
  performer: { performerId: "5" },
  tag: { tagId: "5" },
  studio: { studioId: "5" },
  organized: { organized: true },
  failing: { failing: true },
  searchAndOrganized: { search, organized: true },
  // Text in tag names (and a few titles): matched through the names' scenes, not the index.
  searchName: { search: "harbor" },
  // Deep in a common search: walked while that tests fewer scenes than the index has matches.
  searchDeepPage: { search, page: 20 },
  // Shorter than a trigram: common text is walked, and text no scene holds is read from every
  // title and path once.
  searchShort: { search: "ab" },
  searchShortNone: { search: "xq" },
};
/** Calls timed for a case slower than the rest (each ~0.5 s), so it keeps the pass short. */
const fewerSamples: Record<string, number> = { searchShortNone: 30 };

/** p50 and p99 in ms of `samples` calls, after `warm` calls that compile the code path. */
async function percentiles(input: ListScenesInput, samples = 100, warm = samples / 5) {
  for (let i = 0; i < warm; i++) await listScenes(input);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    await listScenes(input);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!;
  return { p50: round(at(0.5), 2), p99: round(at(0.99), 2) };
}

/** A writer on a new, migrated database beside this one: a file, or a database of the cluster. */
async function newDatabaseWriter(name: string): Promise<BulkWriter> {
  if (provider === "sqlite") {
    const other = `${sqliteFileFromUrl(url)}.${name}`;
    await applyMigrations(other);
    return openSqliteBulkWriter(other);
  }
  const database = `library_${name.replace(/[^a-z0-9]/gi, "_")}`;
  await rowReader().all({ sql: `CREATE DATABASE "${database}"`, params: [] });
  const other = new URL(url);
  other.pathname = `/${database}`;
  await applyMigrations(other.toString());
  return openPostgresqlBulkWriter(other.toString());
}

/** The database's size and its search index's share of it, in bytes. */
async function databaseBytes(): Promise<{ total: number; searchIndex: number }> {
  if (provider === "postgresql") {
    const [row] = await rowReader().all<{ total: number; searchIndex: number }>({
      sql: `SELECT pg_database_size(current_database())::float8 AS "total",
        pg_total_relation_size('scene_search')::float8 AS "searchIndex"`,
      params: [],
    });
    return row!;
  }
  const [{ searchIndex = 0 } = {}] = await rowReader().all<{ searchIndex: number }>({
    sql: `SELECT SUM("pgsize") AS "searchIndex" FROM "dbstat" WHERE "name" LIKE 'scene_search%'`,
    params: [],
  });
  return { total: statSync(sqliteFileFromUrl(url)).size, searchIndex };
}

/** Seconds writing `count` scenes into a new database, with or without the search index. */
async function writeSeconds(name: string, withSearch: boolean): Promise<number> {
  const writer = await newDatabaseWriter(name);
  try {
    return await seedLibrary(writer, compareCount, { withSearch });
  } finally {
    await writer.close();
  }
}

const seedSeconds = await seedLibrary(bulkWriter(), sceneCount, { withSearch: true });
console.log(`  library: ${sceneCount} scenes written in ${seedSeconds.toFixed(1)} s`);
// As autovacuum would after such a load: the planner's statistics of the new rows.
if (provider === "postgresql") await rowReader().all({ sql: "VACUUM (ANALYZE)", params: [] });
const bytes = await databaseBytes();
const figures: Record<string, unknown> = {
  librarySceneCount: sceneCount,
  databaseMB: round(bytes.total / 1e6),
  databaseWithoutSearchIndexMB: round((bytes.total - bytes.searchIndex) / 1e6),
};
for (const [name, input] of Object.entries(cases)) {
  const page = await listScenes(input);
  const times = await percentiles(input, fewerSamples[name]);
  figures[name] = { ...times, total: page.total, estimated: page.totalIsEstimate };
  console.log(
    `  ${name.padEnd(20)}p50 ${times.p50} ms, p99 ${times.p99} ms (${page.totalIsEstimate ? "about " : ""}${page.total} scenes)`,
  );
}
// Alternated, so drift in this machine's speed falls on both.
const withIndex: number[] = [];
const without: number[] = [];
for (let round = 1; round <= 2; round++) {
  without.push(await writeSeconds(`plain-${round}`, false));
  withIndex.push(await writeSeconds(`search-${round}`, true));
}
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
figures.writeSecondsWithSearchIndex = round(sum(withIndex), 2);
figures.writeSecondsWithoutSearchIndex = round(sum(without), 2);
figures.searchIndexWriteCostPercent = round((sum(withIndex) / sum(without) - 1) * 100);
console.log(
  `  writing ${compareCount} scenes (twice): ${sum(without).toFixed(1)} s without the search index, ` +
    `${sum(withIndex).toFixed(1)} s with it (+${figures.searchIndexWriteCostPercent} %)`,
);
console.log(`${passLinePrefix}${JSON.stringify(figures)}`);
