/**
 * How fast the client can page scenes out of the simulator: the ceiling for any sync.
 *   npx tsx stash-sim/measure-fetch-rate.ts [--scenes 100000] [--per-page 1000] [--url http://…/graphql]
 * Without --url the simulator runs in this process (client and server share one core); with it,
 * point at `npm run stash-sim` in another terminal to measure them on separate cores.
 */
import { parseArgs } from "node:util";
import { StashClient } from "../server/stash/client";
import { startStashSim } from "./start-stash-sim";

const { values } = parseArgs({
  options: {
    scenes: { type: "string", default: "100000" },
    "per-page": { type: "string", default: "1000" },
    url: { type: "string" },
  },
});
const scenes = Number(values.scenes);
const perPage = Number(values["per-page"]);

const startedAt = performance.now();
const sim = values.url ? null : await startStashSim({ scenes });
if (sim)
  console.log(
    `simulator: ${scenes} scenes, up in ${((performance.now() - startedAt) / 1000).toFixed(2)} s`,
  );
const client = new StashClient({ url: values.url ?? sim!.url, perPage });

const t0 = performance.now();
const cpu0 = process.cpuUsage();
let fetched = 0;
let failed = 0;
for (let page = 1; ; page++) {
  const result = await client.findScenes({ page, perPage, sort: "id", direction: "ASC" });
  fetched += result.items.length;
  failed += result.items.filter((i) => !i.ok).length;
  if (result.items.length === 0 || page * perPage >= result.count) break;
}
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
console.log(
  `fetched ${fetched} scenes (${failed} malformed) in ${seconds.toFixed(2)} s: ${Math.round(fetched / seconds)} scenes/s at per_page ${perPage}`,
);
console.log(
  `this process used ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s of CPU` +
    (sim ? " (client and simulator)" : " (client only: fetch, JSON, validation)"),
);
console.log(
  `heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`,
);
await sim?.close();
