/**
 * Runs the simulator on its own:
 *   npm run stash-sim -- --scenes 5000 --port 9999 [--seed 1] [--api-key K] [--tz +02:00]
 *     [--stash-version v0.27.2]
 * Prints the GraphQL URL (point STASH_URL at it) and the control URL, then serves until stopped.
 */
import { parseArgs } from "node:util";
import { defaultStashRelease, isStashRelease, stashReleases } from "./releases";
import { startStashSim } from "./start-stash-sim";

const usage = `Usage: npm run stash-sim -- [--scenes N] [--port P] [--host H] [--seed S] [--api-key K] [--tz +02:00] [--latency MS]

  --scenes   scenes to generate, 0–1000000 (default 5000)
  --port     port to listen on (default 9999; 0 picks a free one)
  --host     address to listen on (default 127.0.0.1)
  --seed     same seed, same library (default 1)
  --api-key  require this ApiKey header, as a Stash with a login does
  --tz       the Stash server's UTC offset for timestamps (default Z)
  --latency  milliseconds added to every answer (default 0)
  --stash-version  the Stash release to play, ${stashReleases.join(", ")} (default ${defaultStashRelease})
  --no-read-ahead  do not prepare the next page of a paged query in the background
                   (never done while --latency is above 0)
  --performers, --tags, --studios  how many to generate (default: in proportion to --scenes)
  --plant-facts  scenes' paths name their performers, studio and date, which the scenes do not
                 list: a library with known answers for analysis plans`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

let values;
try {
  values = parseArgs({
    options: {
      scenes: { type: "string", default: "5000" },
      port: { type: "string", default: "9999" },
      host: { type: "string", default: "127.0.0.1" },
      seed: { type: "string", default: "1" },
      "api-key": { type: "string" },
      tz: { type: "string", default: "Z" },
      latency: { type: "string", default: "0" },
      "stash-version": { type: "string", default: defaultStashRelease },
      "no-read-ahead": { type: "boolean" },
      performers: { type: "string" },
      tags: { type: "string" },
      studios: { type: "string" },
      "plant-facts": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const int = (name: string, text: string, min: number, max: number) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    fail(`--${name} must be an integer from ${min} to ${max}`);
  return n;
};

const stashVersion = values["stash-version"];
if (!isStashRelease(stashVersion))
  fail(`--stash-version must be one of ${stashReleases.join(", ")}`);

const started = performance.now();
const sim = await startStashSim({
  scenes: int("scenes", values.scenes, 0, 1_000_000),
  port: int("port", values.port, 0, 65_535),
  host: values.host,
  seed: int("seed", values.seed, 0, 2 ** 31 - 1),
  apiKey: values["api-key"] ?? null,
  tz: values.tz,
  // A standalone simulator serves people and the demo: its clock is today's.
  now: new Date(),
  readAhead: !values["no-read-ahead"],
  stashVersion,
  performers:
    values.performers === undefined
      ? undefined
      : int("performers", values.performers, 0, 1_000_000),
  tags: values.tags === undefined ? undefined : int("tags", values.tags, 0, 1_000_000),
  studios: values.studios === undefined ? undefined : int("studios", values.studios, 0, 1_000_000),
  plantFacts: values["plant-facts"] === true,
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
sim.setLatency(int("latency", values.latency, 0, 600_000));

const status = sim.status();
console.log(
  `Stash simulator: ${status.scenes} scenes, ${status.performers} performers, ${status.tags} tags, ` +
    `${status.studios} studios (ready in ${((performance.now() - started) / 1000).toFixed(2)} s)`,
);
console.log(`GraphQL:  ${sim.url}`);
console.log(`Control:  POST ${sim.controlUrl}  {"action":"status"}`);
if (status.apiKeyRequired) console.log("Requires an ApiKey header.");

const stop = () => {
  void sim.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
