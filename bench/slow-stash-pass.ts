/**
 * One sync pass of `npm run bench` against a slow Stash (the simulator with a per-request
 * latency), in its own process on its own empty SQLite file (DATABASE_URL, migrated by
 * bench/run.ts): the first full sync, then an unchanged full re-sync, both with `concurrency`
 * page requests in flight, then the same pages fetched alone, then the first sync's deferred
 * indexes dropped and built again alone (what its end waits for). Prints its figures as one
 * line (passLinePrefix + JSON).
 * Arguments: <graphql url> <scenes> <per page> <concurrency>.
 */
import { passLinePrefix, timed, type SlowStashPassFigures } from "./timing";

const [url, scenesArg, perPageArg, concurrencyArg] = process.argv.slice(2);
const sceneCount = Number(scenesArg);
const perPage = Number(perPageArg);
const pageConcurrency = Number(concurrencyArg);

// Imported after the parent set DATABASE_URL: the app's one database module reads it once.
const { db } = await import("../server/db/client");
const { bulkWriter } = await import("../server/db/bulk-writer");
const { runSync } = await import("../server/sync/sync-service");
const { StashClient } = await import("../server/stash/client");
const { withFirstPages, typesInWriteOrder } = await import("../server/sync/run/sync-entity-type");
const { fullSyncOrder } = await import("../server/sync/run/full-sync");
const { readWatermarkProbe, sendWatermarkProbe } = await import("../server/sync/run/watermarks");
const { sceneTables, indexesFilledInOrder, keysDeferredOf } =
  await import("../server/sync/run/bulk-load");
const { deferForBulkLoad, restoreDeferredSchema } = await import("../server/db/deferred-schema");

/**
 * The floor of this Stash at this concurrency: the requests a full sync makes, made as the sync
 * makes them (the compatibility check beside the watermark probe, whose counts let every window
 * ask at once, then withFirstPages), the pages taken as they come and never written.
 */
async function fetchEveryPage(): Promise<void> {
  const client = new StashClient({ url: url!, perPage, maxInFlight: pageConcurrency });
  const probe = sendWatermarkProbe(client);
  await client.checkCompatibility();
  const { counts } = readWatermarkProbe(await probe);
  const paging = { client, perPage, pageConcurrency };
  await withFirstPages(paging, { counts, order: fullSyncOrder }, async (windows) => {
    for (const type of typesInWriteOrder(fullSyncOrder)) {
      const window = windows[type];
      for (let page = 1; ; page++) {
        const { count } = await window.take(page);
        if (page * perPage >= count) break;
      }
      window.close();
    }
  });
}

// Opened first, as a running server has them open: opening them is not sync work.
await db().syncHistory.count();
await bulkWriter().query({ sql: "SELECT 1", params: [] });

const options = { stash: { url: url! }, perPage, pageConcurrency };
const first = await timed(() => runSync({ type: "full" }, "cli", options));
const resync = await timed(() => runSync({ type: "full" }, "cli", options));
const fetchOnly = await timed(() => fetchEveryPage());
await deferForBulkLoad(sceneTables, indexesFilledInOrder, keysDeferredOf);
const indexBuild = await timed(() => restoreDeferredSchema());
const scenes = await db().scene.count();
if (
  first.value.status !== "completed" ||
  resync.value.status !== "completed" ||
  scenes !== sceneCount
) {
  console.error(`A sync at ${pageConcurrency} in flight did not complete: no figures.`);
  process.exit(1);
}
console.log(
  `  ${pageConcurrency} in flight: first full sync ${first.seconds.toFixed(2)} s, ` +
    `unchanged re-sync ${resync.seconds.toFixed(2)} s, its pages fetched alone ${fetchOnly.seconds.toFixed(2)} s, ` +
    `its deferred indexes built alone ${indexBuild.seconds.toFixed(2)} s`,
);
const figures: SlowStashPassFigures = {
  concurrency: pageConcurrency,
  firstFullSyncSeconds: first.seconds,
  unchangedResyncSeconds: resync.seconds,
  fetchOnlySeconds: fetchOnly.seconds,
  indexBuildSeconds: indexBuild.seconds,
};
console.log(passLinePrefix + JSON.stringify(figures));
await db().$disconnect();
process.exit(0);
