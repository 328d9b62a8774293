/**
 * npm run bench: the figures issue #4 asks for, measured in one run on this machine.
 * The simulator runs in its own process (as Stash would). The fetch and full-sync figures come
 * from several passes (bench/sync-pass.ts), each a new process on a new SQLite file, and are
 * reported as medians: on this shared machine one pass can differ from the next by 20–40 %.
 * The incremental sync and the history query run here, on the last pass's database.
 * Prints the figures and writes bench/results/latest.json.
 * Then a slow Stash: full syncs with 1 and the default number of page requests in flight
 * against the simulator at 250 ms a request (bench/slow-stash.ts).
 * Options: --scenes N (default 100000), --log-rows N (default 5000000), --per-page N (default
 * 1000), --passes N (default 3), --changed N (default 1000), --db sqlite|postgresql (default
 * sqlite; postgresql runs on a throwaway cluster, a database per pass, also runs a SQLite sync
 * pass beside each to compare within the run, and writes bench/results/latest-postgresql.json),
 * --library-scenes N (default 500000; 0 skips the library pass, bench/library-pass.ts).
 * Then one analysis plan over --scenes scenes with planted facts (bench/analysis-pass.ts), the
 * library pass, and last the search index's cost to a full sync (bench/search-write-cost-pass.ts).
 */
import { spawn } from "node:child_process";
import type { Db } from "../server/db/client";
import { openBenchDatabases, seedLogRowsSql, type BenchDatabases } from "./databases";
import { passRecord, rounded, summarize } from "./figures";
import { control, startSimProcess } from "./sim-process";
import { measureSlowStash, slowStashGoals } from "./slow-stash";
import {
  median,
  type AnalysisPassFigures,
  passLinePrefix,
  round,
  timed,
  type PassFigures,
  type SlowStashPassFigures,
  type SyncPassFigures,
  type WritesOnlyFigures,
} from "./timing";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    scenes: { type: "string", default: "100000" },
    "log-rows": { type: "string", default: "5000000" },
    "per-page": { type: "string", default: "1000" },
    changed: { type: "string", default: "1000" },
    passes: { type: "string", default: "3" },
    db: { type: "string", default: "sqlite" },
    "library-scenes": { type: "string", default: "500000" },
  },
});
if (args.db !== "sqlite" && args.db !== "postgresql")
  throw new Error(`--db must be sqlite or postgresql, not ${args.db}`);
const provider = args.db;
const sceneCount = Number(args.scenes);

interface WriteCostFigures {
  seconds: number;
  cpuSeconds: number;
}
const logRowCount = Number(args["log-rows"]);
const perPage = Number(args["per-page"]);
const changedCount = Number(args.changed);
const passCount = Number(args.passes);
/** The last sync pass's database: the measures after the passes read it. */
const laterMeasuresDatabase = `sync-pass-${passCount}`;

const workDir = mkdtempSync(path.join(os.tmpdir(), "stash-sync-bench-"));
const databases = await openBenchDatabases(provider, workDir);
// On PostgreSQL, SQLite's first full sync in the same run is the reference.
const sqliteDatabases = provider === "sqlite" ? null : await openBenchDatabases("sqlite", workDir);

/**
 * Runs one of the bench's pass scripts in its own process on its own database; resolves with
 * the figures it prints on its passLinePrefix line, and echoes its other lines.
 */
async function runPassScript<Figures>(
  script: string,
  pass: number | string,
  args: string[],
  on: BenchDatabases = databases,
): Promise<Figures> {
  // Migrated here (bench/databases.ts): the pass measures a syncing process's peak memory.
  const name = `${path.basename(script, ".ts")}-${pass}`;
  const url = await on.create(name);
  // This process's Node options (tsx's loader) apply to the pass too.
  const child = spawn(process.execPath, [...process.execArgv, script, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: url },
  });
  let figures = null as Figures | null;
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    let newline: number;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.startsWith(passLinePrefix)) {
        figures = JSON.parse(line.slice(passLinePrefix.length)) as Figures;
      } else console.log(line);
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (!figures || code !== 0) throw new Error(`${script} (pass ${pass}) exited with ${code}`);
  // Only the database the later measures read is kept (see BenchDatabases.drop).
  if (name !== laterMeasuresDatabase) await on.drop(name);
  return figures;
}

/**
 * One pass: the syncs (bench/sync-pass.ts), then the writes-only bound (bench/writes-only-pass.ts,
 * which replays through SQLite's writer thread: SQLite only). On PostgreSQL a SQLite sync pass
 * runs first, the reference for PostgreSQL's first full sync.
 */
async function runPass(
  pass: number,
  url: string,
  simPid: number,
): Promise<PassFigures & { sqliteFirstRate: number | null }> {
  const args = [url, String(sceneCount), String(perPage)];
  const syncArgs = [...args, String(simPid)];
  const reference = sqliteDatabases
    ? await runPassScript<SyncPassFigures>(
        "bench/sync-pass.ts",
        `sqlite-${pass}`,
        syncArgs,
        sqliteDatabases,
      )
    : null;
  const syncs = await runPassScript<SyncPassFigures>("bench/sync-pass.ts", pass, syncArgs);
  const writesOnly =
    provider === "sqlite"
      ? await runPassScript<WritesOnlyFigures>("bench/writes-only-pass.ts", pass, args)
      : null;
  return { ...syncs, writesOnly, sqliteFirstRate: reference?.firstRate ?? null };
}

const simStart = await timed(() => startSimProcess(["--scenes", String(sceneCount)]));
const { child: sim, port } = simStart.value;
const url = `http://127.0.0.1:${port}/graphql`;
console.log(`simulator: ${sceneCount} scenes, up in ${simStart.seconds.toFixed(2)} s`);

// Set once this process opens the database (after the passes).
let closeDatabase = async () => {};
try {
  const passes: (PassFigures & { sqliteFirstRate: number | null })[] = [];
  for (let pass = 1; pass <= passCount; pass++) {
    console.log(`pass ${pass} of ${passCount}:`);
    passes.push(await runPass(pass, url, sim.pid!));
  }
  const records = passes.map(passRecord);
  const all = summarize(records);
  const pct = (n: number | null) => (n === null ? "?" : `${round(n)} %`);
  console.log(
    `medians of ${passCount} passes: fetch ${round(all.fetchOnlyScenesPerSecond)}/s; ` +
      `first full sync ${round(all.firstFullSyncScenesPerSecond)}/s, ${pct(all.firstFullSyncPercentOfFetch)} of fetch; ` +
      `re-sync ${round(all.unchangedResyncScenesPerSecond)}/s, ${pct(all.unchangedResyncPercentOfFetch)} of fetch ` +
      `(${pct(all.unchangedResyncPercentOfDownloadOnly)} of download only); ` +
      `peak RSS (largest) ${round(all.peakRssMB)} MB`,
  );
  if (all.writesOnlyScenesPerSecond !== null) {
    console.log(
      `first full sync's own writes alone, written while fetching (medians): ` +
        `${round(all.writesOnlyScenesPerSecond)}/s, ${pct(all.writesOnlyPercentOfFetch)} of fetch`,
    );
  }
  const sqliteFirstRate = passes.every((p) => p.sqliteFirstRate !== null)
    ? median(passes.map((p) => p.sqliteFirstRate!))
    : null;
  const percentOfSqlite =
    sqliteFirstRate === null ? null : (all.firstFullSyncScenesPerSecond / sqliteFirstRate) * 100;
  if (sqliteFirstRate !== null) {
    console.log(
      `first full sync on PostgreSQL vs SQLite in this run (medians): ${round(all.firstFullSyncScenesPerSecond)}/s ` +
        `vs ${round(sqliteFirstRate)}/s, ${pct(percentOfSqlite)} of SQLite's rate`,
    );
  }
  if (all.firstFullSyncCpuBoundPercentOfFetch !== null) {
    console.log(
      `first full sync CPU (medians): ${all.firstFullSyncCpuSeconds.toFixed(1)} s + simulator ` +
        `${all.simulatorCpuSecondsDuringFirstFullSync?.toFixed(1)} s` +
        (all.databaseServerCpuSecondsDuringFirstFullSync === null
          ? ""
          : ` + PostgreSQL ${all.databaseServerCpuSecondsDuringFirstFullSync.toFixed(1)} s`) +
        `; ` +
        `if only CPU limited it: ${pct(all.firstFullSyncCpuBoundPercentOfFetch)} of fetch`,
    );
  }

  const slowStash = await measureSlowStash({
    setLatency: (ms) => control(port, { action: "setLatency", ms }),
    runPass: (script, id, passArgs) => runPassScript<SlowStashPassFigures>(script, id, passArgs),
    url,
    sceneCount,
    perPage,
  });

  // The rest runs here, on the last pass's database (100,000 scenes synced, twice).
  process.env.DATABASE_URL = databases.url(laterMeasuresDatabase);
  const { db } = await import("../server/db/client");
  const { runSync } = await import("../server/sync/sync-service");
  const { readSceneSyncLogs } = await import("../server/history/read-scene-sync-logs");
  const { bulkWriter } = await import("../server/db/bulk-writer");
  const options = { stash: { url }, perPage };
  closeDatabase = () => db().$disconnect();
  await bulkWriter().query({ sql: "SELECT 1", params: [] });
  // Not counted: this process runs its first sync's code unoptimized, which a server that has
  // synced before would not. An incremental sync with nothing to do warms it up.
  await runSync({ type: "incremental" }, "cli", options);

  // Incremental sync that finds `changedCount` edited scenes.
  const step = Math.max(1, Math.floor(sceneCount / changedCount));
  for (let i = 0; i < changedCount; i++) {
    await control(port, {
      action: "updateScene",
      id: 1 + i * step,
      edit: { title: `bench edit ${i}` },
    });
  }
  const incremental = await timed(() => runSync({ type: "incremental" }, "cli", options));
  console.log(
    `incremental:         ${incremental.seconds.toFixed(3)} s for ${incremental.value.itemsUpdated} updated scenes (${incremental.value.status})`,
  );

  // One scene's history at `logRowCount` sync_log rows.
  const seed = await timed(() => seedLogRows(db(), logRowCount));
  // PostgreSQL's autovacuum would do this after such a load: fresh statistics, and the
  // visibility map that lets the history query read its index alone.
  // A checkpoint too: a history does not arrive as 5M rows at once, and the server would have
  // written them out long before anyone reads it, not while the timed reads run.
  if (provider === "postgresql") {
    await db().$executeRawUnsafe(`VACUUM (ANALYZE) "sync_log"`);
    await db().$executeRawUnsafe(`CHECKPOINT`);
  }
  // As after every sync run (sync-service.ts): the write-ahead log folded into the file.
  await bulkWriter().checkpoint();
  console.log(`seeded ${logRowCount} sync_log rows in ${seed.seconds.toFixed(1)} s`);
  // A server answers many requests: time the steady state, after calls on other scenes (none of
  // those timed, at 12,500 scenes or more) have compiled the code path. 500 were too few: V8
  // optimized 98 functions in them and 168 more in the 2,000 timed reads after, whose p99 that
  // lifted to 3.5–4.5 ms on PostgreSQL against 1.5–2.9 ms for the 2,000 reads after those (six
  // scratch runs, --trace-opt); after 2,500 calls, 20–26 more in 2,000.
  const sceneAt = (i: number) => String(1 + ((i * 7919) % sceneCount));
  for (let i = 10_000; i < 12_500; i++) await readSceneSyncLogs({ sceneId: sceneAt(i), limit: 50 });
  /** p50 and p99 in ms of 2,000 reads of scenes from `first` on, none read before. */
  const timeHistory = async (first: number) => {
    const samples: number[] = [];
    for (let i = first; i < first + 2000; i++) {
      const start = process.hrtime.bigint();
      await readSceneSyncLogs({ sceneId: sceneAt(i), limit: 50 });
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    samples.sort((a, b) => a - b);
    const pct = (p: number) =>
      samples[Math.min(samples.length - 1, Math.floor(samples.length * p))]!;
    return { p50: pct(0.5), p99: pct(0.99) };
  };
  const history = await timeHistory(0);
  // Again on 2,000 other scenes, none read before: what warms is the process, not the scenes.
  const historyLater = await timeHistory(2500);
  console.log(
    `history query:       p50 ${history.p50.toFixed(3)} ms, p99 ${history.p99.toFixed(3)} ms; ` +
      `the next 2,000 scenes: p50 ${historyLater.p50.toFixed(3)} ms, p99 ${historyLater.p99.toFixed(3)} ms`,
  );

  // One plan with every analyzer over a library whose paths hold planted facts (issue #19).
  console.log(`analysis pass: a plan over ${sceneCount} scenes with planted facts`);
  const analysis = await runPassScript<AnalysisPassFigures>("bench/analysis-pass.ts", 1, [
    String(sceneCount),
  ]);

  const librarySceneCount = Number(args["library-scenes"]);
  let library: Record<string, unknown> | null = null;
  if (librarySceneCount > 0) {
    console.log(`library pass: the scene list at ${librarySceneCount} scenes`);
    library = await runPassScript<Record<string, unknown>>("bench/library-pass.ts", 1, [
      String(librarySceneCount),
      "50000",
    ]);
  }

  // The search index's cost to a full sync: the same sync with the index's table replaced by a
  // plain one, alternated so drift in this machine's speed falls on both (wall and CPU time).
  console.log(`search index write cost: full syncs of ${sceneCount} scenes with and without it`);
  const writeCost = { index: [] as WriteCostFigures[], plain: [] as WriteCostFigures[] };
  for (let round = 1; round <= 2; round++) {
    for (const mode of ["plain", "index"] as const) {
      writeCost[mode].push(
        await runPassScript<WriteCostFigures>(
          "bench/search-write-cost-pass.ts",
          round * 2 + (mode === "index" ? 1 : 0),
          [url, String(perPage), mode],
        ),
      );
    }
  }
  const total = (figures: WriteCostFigures[], key: keyof WriteCostFigures) =>
    figures.reduce((sum, f) => sum + f[key], 0);
  const costPercent = (key: keyof WriteCostFigures) =>
    round((total(writeCost.index, key) / total(writeCost.plain, key) - 1) * 100, 1);
  const searchIndexWriteCost = {
    syncSecondsWithIndex: writeCost.index.map((f) => f.seconds),
    syncSecondsWithoutIndex: writeCost.plain.map((f) => f.seconds),
    cpuSecondsWithIndex: writeCost.index.map((f) => f.cpuSeconds),
    cpuSecondsWithoutIndex: writeCost.plain.map((f) => f.cpuSeconds),
    wallCostPercent: costPercent("seconds"),
    cpuCostPercent: costPercent("cpuSeconds"),
  };
  console.log(
    `  full sync with the search index: +${searchIndexWriteCost.wallCostPercent} % wall time, +${searchIndexWriteCost.cpuCostPercent} % CPU time`,
  );

  const results = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      memoryGiB: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    data: {
      scenes: sceneCount,
      perPage,
      changedScenes: changedCount,
      syncLogRows: logRowCount,
      passes: passCount,
    },
    figures: {
      ...rounded(all),
      incrementalSeconds: round(incremental.seconds, 3),
      historyQueryP50Ms: round(history.p50, 3),
      historyQueryP99Ms: round(history.p99, 3),
      historyQueryLaterP50Ms: round(historyLater.p50, 3),
      historyQueryLaterP99Ms: round(historyLater.p99, 3),
      ...(sqliteFirstRate === null
        ? {}
        : {
            sqliteFirstFullSyncScenesPerSecond: round(sqliteFirstRate),
            firstFullSyncPercentOfSqlite: round(percentOfSqlite!, 1),
          }),
      analysis,
      library,
      searchIndexWriteCost,
    },
    database: provider,
    slowStash,
    // Each pass's own figures; those above are their medians (peak memory: the largest).
    passes: records.map((record) => rounded(record)),
    goals: {
      firstFullSync: "≥ 60 % of fetch and ≥ 10,000 scenes/s",
      unchangedResync: "≥ 85 % of fetch",
      incremental: "< 1 s",
      historyQueryP99: "≤ 2 ms",
      peakMemory: "< 512 MB",
      ...slowStashGoals,
      ...(provider === "postgresql"
        ? {
            firstFullSyncOnPostgresql: "≥ 70 % of SQLite's rate in the same run",
            historyQueryP99OnPostgresql: "≤ 3 ms at 5M sync_log rows",
          }
        : {}),
      analysisPlan:
        "< 10 s with every analyzer at 100,000 scenes, 5,000 performers, 1,000 tags, 300 studios",
      analysisQuality:
        "precision ≥ 0.95 and recall ≥ 0.90 of planted performers, studios and dates; precision ≥ 0.95 of the proposals at ≥ 0.95 confidence, which a bulk approve writes unread",
      libraryPagesP99: "≤ 50 ms each, at 500,000 scenes",
      searchIndexWriteCost: "≤ 15 % slower full sync",
    },
  };
  const resultsFile = path.join(
    "bench",
    "results",
    provider === "sqlite" ? "latest.json" : `latest-${provider}.json`,
  );
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${resultsFile}`);
} finally {
  sim.kill();
  await closeDatabase();
  await databases.close();
  await sqliteDatabases?.close();
  rmSync(workDir, { recursive: true, force: true });
}

/**
 * Fills sync_log with `count` rows spread over runs and scenes (one full-sync NULL row per
 * 100,000), in SQL so seeding takes seconds, not the benchmark's time.
 */
async function seedLogRows(database: Db, count: number) {
  const existing = await database.syncLog.count();
  const toAdd = Math.max(0, count - existing);
  const run = await database.syncHistory.create({
    data: {
      jobId: `bench-${Date.now()}`,
      syncType: "incremental",
      trigger: "cli",
      status: "completed",
      startedAt: new Date(),
      completedAt: new Date(),
    },
  });
  const batch = 500_000;
  for (let done = 0; done < toAdd; done += batch) {
    const count = Math.min(batch, toAdd - done);
    await database.$executeRawUnsafe(
      seedLogRowsSql(provider, { runId: run.id, count, done, sceneCount }),
    );
  }
}
