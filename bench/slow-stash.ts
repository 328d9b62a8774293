/**
 * The slow-Stash figures of `npm run bench`: the simulator answers every request after its own
 * `latencyMs` (a timer per request, so concurrent requests wait side by side, as a real Stash's
 * do), and a full sync runs once with one page request in flight and once with the default
 * number, each in its own process on its own database (bench/slow-stash-pass.ts).
 */
import { defaultPageConcurrency } from "../server/sync/page-concurrency";
import { round, type SlowStashPassFigures } from "./timing";

export interface SlowStashBench {
  /** Sets the simulator's per-request latency (its /__control endpoint). */
  setLatency(ms: number): Promise<void>;
  /** Runs the pass script in its own process on a database of its own; resolves with its figures. */
  runPass(script: string, id: number, args: string[]): Promise<SlowStashPassFigures>;
  url: string;
  sceneCount: number;
  perPage: number;
}

export const slowStashLatencyMs = 250;

export async function measureSlowStash(bench: SlowStashBench) {
  const { url, sceneCount, perPage } = bench;
  const pass = (concurrency: number) =>
    bench.runPass("bench/slow-stash-pass.ts", concurrency, [
      url,
      String(sceneCount),
      String(perPage),
      String(concurrency),
    ]);
  await bench.setLatency(slowStashLatencyMs);
  let sequential: SlowStashPassFigures;
  let concurrent: SlowStashPassFigures;
  try {
    console.log(`slow Stash (${slowStashLatencyMs} ms a request):`);
    sequential = await pass(1);
    concurrent = await pass(defaultPageConcurrency);
  } finally {
    await bench.setLatency(0);
  }
  // The scene pages alone, waited for N at a time: what no client of this Stash can beat.
  const scenePages = Math.ceil(sceneCount / perPage);
  const idealSeconds = (scenePages * slowStashLatencyMs) / 1000 / defaultPageConcurrency;
  const figures = {
    latencyMs: slowStashLatencyMs,
    defaultConcurrency: defaultPageConcurrency,
    scenePages,
    idealSecondsAtDefault: round(idealSeconds, 2),
    firstFullSyncSecondsSequential: round(sequential.firstFullSyncSeconds, 2),
    firstFullSyncSecondsAtDefault: round(concurrent.firstFullSyncSeconds, 2),
    firstFullSyncSpeedup: round(
      sequential.firstFullSyncSeconds / concurrent.firstFullSyncSeconds,
      2,
    ),
    firstFullSyncTimesIdeal: round(concurrent.firstFullSyncSeconds / idealSeconds, 2),
    unchangedResyncSecondsSequential: round(sequential.unchangedResyncSeconds, 2),
    unchangedResyncSecondsAtDefault: round(concurrent.unchangedResyncSeconds, 2),
    unchangedResyncSpeedup: round(
      sequential.unchangedResyncSeconds / concurrent.unchangedResyncSeconds,
      2,
    ),
    unchangedResyncTimesIdeal: round(concurrent.unchangedResyncSeconds / idealSeconds, 2),
    // Measured, not computed: every page of the run (performers, tags and studios too) at the
    // server's own time a request, the floor this Stash sets before anything is written.
    fetchOnlySecondsAtDefault: round(concurrent.fetchOnlySeconds, 2),
    fetchOnlyTimesIdeal: round(concurrent.fetchOnlySeconds / idealSeconds, 2),
    firstFullSyncTimesFetchOnly: round(
      concurrent.firstFullSyncSeconds / concurrent.fetchOnlySeconds,
      2,
    ),
    // The build a first sync runs after its last scene page, measured alone, and added to the
    // fetch-only floor; the sync builds while it fetches performers, tags and studios.
    indexBuildSecondsAtDefault: round(concurrent.indexBuildSeconds, 2),
    fetchOnlyAndIndexBuildTimesIdeal: round(
      (concurrent.fetchOnlySeconds + concurrent.indexBuildSeconds) / idealSeconds,
      2,
    ),
  };
  console.log(
    `slow Stash: default (${defaultPageConcurrency} in flight) vs 1 — first full sync ` +
      `${figures.firstFullSyncSpeedup}× faster, ${figures.firstFullSyncTimesIdeal}× the ideal ` +
      `${figures.idealSecondsAtDefault} s; unchanged re-sync ${figures.unchangedResyncSpeedup}× faster, ` +
      `${figures.unchangedResyncTimesIdeal}× the ideal; the run's pages fetched alone ` +
      `${figures.fetchOnlySecondsAtDefault} s (${figures.fetchOnlyTimesIdeal}× the ideal), the first ` +
      `full sync ${figures.firstFullSyncTimesFetchOnly}× that; those pages and the deferred ` +
      `indexes' build alone (${figures.indexBuildSecondsAtDefault} s) ${figures.fetchOnlyAndIndexBuildTimesIdeal}× the ideal`,
  );
  return figures;
}

export const slowStashGoals = {
  slowStashSpeedup: "default ≥ 2.5× faster than 1 page request in flight, at 250 ms a request",
  slowStashVsIdeal: "default within 1.3× of scene pages × latency ÷ default",
};
