/**
 * One pass of `npm run bench`, in its own process on its own empty SQLite file (DATABASE_URL,
 * migrated by bench/run.ts):
 * fetch-only, the first full sync, fetch-only and download-only again, the unchanged re-sync.
 * Run by bench/run.ts several times; it prints its figures as one line (passLinePrefix + JSON)
 * among its others.
 * Arguments: <graphql url> <scenes> <per page> <simulator's pid>.
 */
import os from "node:os";
import { fetchOnlyPass, pagesPass, scenePage } from "./library-pages";
import {
  mainThreadCpuSeconds,
  ownCpuSeconds,
  parentPid,
  postgresServerCpuSeconds,
  processCpuSeconds,
} from "./cpu-time";
import { passLinePrefix, round, timed, type FirstSyncCpu, type SyncPassFigures } from "./timing";

const [url, scenesArg, perPageArg, simPidArg] = process.argv.slice(2);
const simPid = Number(simPidArg);
const sceneCount = Number(scenesArg);
const perPage = Number(perPageArg);

// Imported after the parent set DATABASE_URL: the app's one database module reads it once.
const { db } = await import("../server/db/client");
const { bulkWriter } = await import("../server/db/bulk-writer");
const { StashClient, pageRequest } = await import("../server/stash/client");
const { runSync } = await import("../server/sync/sync-service");
const { fetchGraphQL } = await import("../server/stash/graphql-transport");
const { rowReader } = await import("../server/db/row-reader");
const { providerOf } = await import("../server/db/provider");

const client = new StashClient({ url: url!, perPage });
// The syncs are timed as a running server runs them: its database connections open and the
// writer's thread started. Opening them (~0.4 s, once per process) is not sync work.
await db().syncHistory.count();
await bulkWriter().query({ sql: "SELECT 1", params: [] });

const pages = { sceneCount, perPage };
const fetchOnly = (label: string) => fetchOnlyPass(label, client, pages);
// Download only: the same requests with each answer read as text and nothing parsed, the
// least a client can do with them. An unchanged re-sync parses only what changed, so it is also
// compared with this stricter reference.
const transport = { url: url!, timeoutMs: 30_000, retries: 0, retryBaseDelayMs: 0 };
const dialect = await client.dialect();
const downloadOnly = (label: string) =>
  pagesPass(label, pages, (page) =>
    fetchGraphQL(transport, pageRequest("scene", scenePage(page, perPage), dialect)),
  );
// A first pass, not counted: the simulator and the client run unoptimized code at first
// (both are JavaScript, unlike Stash), and a cold pass read ~30 % slower than a warm one.
// Comparing the syncs with a cold pass would flatter them.
await fetchOnly("warm-up, not counted:");
const fetchRate = await fetchOnly("fetch only:");

// First full sync into the empty database, with peak memory sampled meanwhile.
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const options = { stash: { url: url! }, perPage };
// On PostgreSQL the server's processes share the cores too: its postmaster is the parent of
// any backend of ours (found once: pooled connections come and go).
const onPostgresql = providerOf(process.env.DATABASE_URL ?? "") === "postgresql";
const [backend] = onPostgresql
  ? await rowReader().column<number>({ sql: "SELECT pg_backend_pid()", params: [] })
  : [];
const postmaster = backend === undefined ? null : parentPid(Number(backend));
const databaseServerCpu = () => (postmaster === null ? null : postgresServerCpuSeconds(postmaster));
const cpuBefore = {
  own: ownCpuSeconds(),
  main: mainThreadCpuSeconds(),
  sim: processCpuSeconds(simPid),
  server: databaseServerCpu(),
};
const firstFull = await timed(() => runSync({ type: "full" }, "cli", options));
clearInterval(sampler);
const firstCpu = cpuSince(cpuBefore);
const firstRate = sceneCount / firstFull.seconds;
console.log(
  `  first full sync:     ${round(firstRate)} scenes/s (${firstFull.seconds.toFixed(2)} s, ${firstFull.value.status}), ` +
    `${round((firstRate / fetchRate) * 100)} % of fetch; peak RSS ${round(peakRss / 2 ** 20)} MB`,
);
if (firstCpu.cpuBoundRate !== null && firstCpu.mainThread !== null) {
  console.log(
    `    its CPU: ${firstCpu.sync.toFixed(1)} s (main thread ${firstCpu.mainThread.toFixed(1)} s, ` +
      `other threads ${(firstCpu.sync - firstCpu.mainThread).toFixed(1)} s) + simulator ` +
      `${firstCpu.simulator?.toFixed(1)} s` +
      (firstCpu.databaseServer === null
        ? ""
        : ` + PostgreSQL ${firstCpu.databaseServer.toFixed(1)} s`) +
      ` on ${firstCpu.cores} cores: at best ` +
      `${round(firstCpu.cpuBoundRate)} scenes/s, ${round((firstCpu.cpuBoundRate / fetchRate) * 100)} % of fetch`,
  );
}

// Full re-sync, nothing changed.
const fetchRateBeforeResync = await fetchOnly("fetch only, again:");
const downloadRateBeforeResync = await downloadOnly("download only:");
const reFull = await timed(() => runSync({ type: "full" }, "cli", options));
const reRate = sceneCount / reFull.seconds;
console.log(
  `  unchanged re-sync:   ${round(reRate)} scenes/s (${reFull.seconds.toFixed(2)} s, ${reFull.value.status}), ` +
    `${round((reRate / fetchRateBeforeResync) * 100)} % of fetch, ` +
    `${round((reRate / downloadRateBeforeResync) * 100)} % of download only`,
);

if (firstFull.value.status !== "completed" || reFull.value.status !== "completed") {
  console.error("A sync did not complete: these figures would not measure a sync.");
  process.exit(1);
}
const figures: SyncPassFigures = {
  fetchRate,
  firstRate,
  firstCpu,
  peakRssMB: peakRss / 2 ** 20,
  fetchRateBeforeResync,
  downloadRateBeforeResync,
  reRate,
};
console.log(passLinePrefix + JSON.stringify(figures));
await db().$disconnect();
process.exit(0);

/**
 * The CPU the sync and the simulator used since `before`. Wall time can be no less than their
 * sum spread over every core, so that sum bounds the rate any pipeline of this work could
 * reach here, however well it overlapped fetching, parsing and writing.
 */
function cpuSince(before: typeof cpuBefore): FirstSyncCpu {
  const sync = ownCpuSeconds() - before.own;
  const main = mainThreadCpuSeconds();
  const sim = processCpuSeconds(simPid);
  const server = databaseServerCpu();
  const simulator = sim !== null && before.sim !== null ? sim - before.sim : null;
  const databaseServer = server !== null && before.server !== null ? server - before.server : null;
  const cores = os.availableParallelism();
  const serverShare = onPostgresql ? databaseServer : 0;
  return {
    sync,
    mainThread: main !== null && before.main !== null ? main - before.main : null,
    simulator,
    databaseServer,
    cores,
    cpuBoundRate:
      simulator === null || serverShare === null
        ? null
        : sceneCount / ((sync + simulator + serverShare) / cores),
  };
}
