/**
 * npm run bench: the figures issue #4 asks for, measured in one run on this machine.
 * The simulator runs in its own process (as Stash would), the sync in this one, each on a
 * fresh SQLite file. Prints the figures and writes bench/results/latest.json.
 * Options: --scenes N (default 100000), --log-rows N (default 5000000), --per-page N (default 1000).
 */
import { spawn, type ChildProcess } from "node:child_process";
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
  },
});
const sceneCount = Number(args.scenes);
const logRowCount = Number(args["log-rows"]);
const perPage = Number(args["per-page"]);
const changedCount = Number(args.changed);

const workDir = mkdtempSync(path.join(os.tmpdir(), "stash-sync-bench-"));
process.env.DATABASE_URL = `file:${path.join(workDir, "bench.db")}`;

// Imported after DATABASE_URL is set: the app's one database module reads it once.
const { applyMigrations } = await import("../server/db/migrations");
const { sqliteFileFromUrl } = await import("../server/db/database-file");
const { db } = await import("../server/db/client");
const { StashClient } = await import("../server/stash/client");
const { runSync } = await import("../server/sync/sync-service");
const { readSceneSyncLogs } = await import("../server/history/read-scene-sync-logs");
const { bulkWriter } = await import("../server/db/bulk-writer");

function startSimProcess(port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "stash-sim/cli.ts",
      "--scenes",
      String(sceneCount),
      "--port",
      String(port),
      "--seed",
      "1",
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("/graphql")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`simulator exited with ${code}`)));
  });
}

async function control(port: number, body: unknown) {
  const res = await fetch(`http://127.0.0.1:${port}/__control`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${res.status}: ${await res.text()}`);
}

async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, value };
}

const round = (n: number, digits = 0) => Number(n.toFixed(digits));

const port = 20000 + Math.floor(Math.random() * 20000);
const simStart = await timed(() => startSimProcess(port));
const sim = simStart.value;
const url = `http://127.0.0.1:${port}/graphql`;
console.log(`simulator: ${sceneCount} scenes, up in ${simStart.seconds.toFixed(2)} s`);

try {
  await applyMigrations(sqliteFileFromUrl(process.env.DATABASE_URL));
  const client = new StashClient({ url, perPage });
  // The syncs are timed as a running server runs them: its database connections open and the
  // writer's thread started. Opening them (~0.4 s, once per process) is not sync work.
  await db().syncHistory.count();
  await bulkWriter().query({ sql: "SELECT 1", params: [] });

  // 1. Fetch only: what the simulator can serve through the client. Measured again right
  // before each sync it is compared with: this machine's speed drifts by tens of percent over
  // a minute, and a ratio is only meaningful between neighbouring measurements.
  const fetchOnly = async (label: string) => {
    const { seconds, value } = await timed(async () => {
      let fetched = 0;
      for (let page = 1; ; page++) {
        const result = await client.findScenes({ page, perPage, sort: "id", direction: "ASC" });
        fetched += result.items.length;
        if (result.items.length === 0 || page * perPage >= result.count) break;
      }
      return fetched;
    });
    const rate = value / seconds;
    console.log(`${label.padEnd(21)}${round(rate)} scenes/s (${seconds.toFixed(2)} s)`);
    return rate;
  };
  // A first pass, not counted: the simulator and the client run unoptimized code at first
  // (both are JavaScript, unlike Stash), and a cold pass read ~30 % slower than a warm one.
  // Comparing the syncs with a cold pass would flatter them.
  await fetchOnly("warm-up, not counted:");
  const fetchRate = await fetchOnly("fetch only:");

  // 2. First full sync into an empty database, with peak memory sampled meanwhile.
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const options = { stash: { url }, perPage };
  const firstFull = await timed(() => runSync({ type: "full" }, "cli", options));
  clearInterval(sampler);
  const firstRate = sceneCount / firstFull.seconds;
  console.log(
    `first full sync:     ${round(firstRate)} scenes/s (${firstFull.seconds.toFixed(2)} s, ${firstFull.value.status}), ` +
      `${round((firstRate / fetchRate) * 100)} % of fetch; peak RSS ${round(peakRss / 2 ** 20)} MB`,
  );

  // 3. Full re-sync, nothing changed.
  const fetchRateBeforeResync = await fetchOnly("fetch only, again:");
  const reFull = await timed(() => runSync({ type: "full" }, "cli", options));
  const reRate = sceneCount / reFull.seconds;
  console.log(
    `unchanged re-sync:   ${round(reRate)} scenes/s (${reFull.seconds.toFixed(2)} s), ${round((reRate / fetchRateBeforeResync) * 100)} % of fetch`,
  );

  // 4. Incremental sync that finds `changedCount` edited scenes.
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

  // 5. One scene's history at `logRowCount` sync_log rows.
  const seed = await timed(() => seedLogRows(logRowCount));
  // As after every sync run (sync-service.ts): the write-ahead log folded into the file.
  await bulkWriter().checkpoint();
  console.log(`seeded ${logRowCount} sync_log rows in ${seed.seconds.toFixed(1)} s`);
  // A server answers many requests: time the steady state, after 500 calls on other scenes
  // have compiled the code path (the first calls run unoptimized JavaScript).
  const sceneAt = (i: number) => String(1 + ((i * 7919) % sceneCount));
  for (let i = 2000; i < 2500; i++) await readSceneSyncLogs({ sceneId: sceneAt(i), limit: 50 });
  const samples: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const start = process.hrtime.bigint();
    await readSceneSyncLogs({ sceneId: sceneAt(i), limit: 50 });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * p))]!;
  console.log(`history query:       p50 ${pct(0.5).toFixed(3)} ms, p99 ${pct(0.99).toFixed(3)} ms`);

  const results = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      memoryGiB: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    data: { scenes: sceneCount, perPage, changedScenes: changedCount, syncLogRows: logRowCount },
    figures: {
      fetchOnlyScenesPerSecond: round(fetchRate),
      firstFullSyncScenesPerSecond: round(firstRate),
      firstFullSyncPercentOfFetch: round((firstRate / fetchRate) * 100, 1),
      fetchOnlyBeforeResyncScenesPerSecond: round(fetchRateBeforeResync),
      unchangedResyncScenesPerSecond: round(reRate),
      unchangedResyncPercentOfFetch: round((reRate / fetchRateBeforeResync) * 100, 1),
      incrementalSeconds: round(incremental.seconds, 3),
      historyQueryP50Ms: round(pct(0.5), 3),
      historyQueryP99Ms: round(pct(0.99), 3),
      peakRssMB: round(peakRss / 2 ** 20),
    },
    goals: {
      firstFullSync: "≥ 60 % of fetch and ≥ 10,000 scenes/s",
      unchangedResync: "≥ 85 % of fetch",
      incremental: "< 1 s",
      historyQueryP99: "≤ 2 ms",
      peakMemory: "< 512 MB",
    },
  };
  writeFileSync(
    path.join("bench", "results", "latest.json"),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  console.log("wrote bench/results/latest.json");
} finally {
  sim.kill();
  await db().$disconnect();
  rmSync(workDir, { recursive: true, force: true });
}

/**
 * Fills sync_log with `count` rows spread over runs and scenes (one full-sync NULL row per
 * 100,000), in SQL so seeding takes seconds, not the benchmark's time.
 */
async function seedLogRows(count: number) {
  const existing = await db().syncLog.count();
  const toAdd = Math.max(0, count - existing);
  const run = await db().syncHistory.create({
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
    const n = Math.min(batch, toAdd - done);
    await db().$executeRawUnsafe(
      `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n})
       INSERT INTO "sync_log" ("sync_history_id", "entity_type", "entity_id", "sync_type", "had_changes", "change_type", "created_at")
       SELECT ${run.id}, 'scene',
              CASE WHEN (i + ${done}) % 100000 = 0 THEN NULL ELSE CAST(1 + ((i + ${done}) % ${sceneCount}) AS TEXT) END,
              CASE WHEN (i + ${done}) % 100000 = 0 THEN 'full' ELSE 'incremental' END,
              (i % 7 = 0), CASE WHEN i % 7 = 0 THEN 'updated' ELSE 'skipped' END,
              strftime('%Y-%m-%dT%H:%M:%S.000+00:00', '2025-01-01', '+' || ((i + ${done}) / 10) || ' seconds')
       FROM seq`,
    );
  }
}
