/**
 * The analysis pass of `npm run bench` (issue #19): a simulator whose library has planted facts
 * (stash-sim/planted-facts.ts: each scene's path names its performers, studio and date, which
 * the scene does not list) is synced into this pass's database, then one plan with every
 * analyzer runs over the whole library. It prints the plan's time, the largest RSS while the
 * plan ran, and the precision and recall of its performer, studio and date proposals against
 * what the simulator planted: of all proposals, and of those a bulk approve at 0.95 takes (some
 * planted performers have one-word names that are also words, which some titles hold where that
 * performer is not planted). Run by bench/run.ts in its own process on its own migrated
 * database (DATABASE_URL); prints its figures on the passLinePrefix line.
 * Usage: node --import tsx bench/analysis-pass.ts <scenes> [performers tags studios]
 */
import type { ChildProcess } from "node:child_process";
import type { AnalyzerName } from "../server/domain/vocabulary";
import type { PlantedFacts } from "../stash-sim/planted-facts";
import { control, startSimProcess } from "./sim-process";
import { passLinePrefix, round, timed, type AnalysisPassFigures } from "./timing";

const [scenesArg, performersArg, tagsArg, studiosArg] = process.argv.slice(2);
const library = {
  scenes: Number(scenesArg ?? 100_000),
  performers: Number(performersArg ?? 5_000),
  tags: Number(tagsArg ?? 1_000),
  studios: Number(studiosArg ?? 300),
};
const every: AnalyzerName[] = ["performers", "studio", "tags", "date", "title", "details"];
/** The confidence a bulk approve is trusted at: proposals from here on are written unread. */
const BULK_APPROVE = 0.95;

/** Samples this process's RSS until stopped; returns the largest seen, in MB. */
function sampleRss() {
  let most = process.memoryUsage.rss();
  const timer = setInterval(() => (most = Math.max(most, process.memoryUsage.rss())), 20);
  return () => {
    clearInterval(timer);
    return round(Math.max(most, process.memoryUsage.rss()) / 2 ** 20);
  };
}

/**
 * Precision and recall of the stored performer, studio and date proposals (each scene's, by
 * key, with its confidence) against the truth: of all proposals, and of those at or above
 * BULK_APPROVE.
 */
function score(proposed: Map<string, Map<string, number>>, truth: (PlantedFacts | null)[]) {
  const all = { proposals: 0, correct: 0 };
  const bulk = { proposals: 0, correct: 0 };
  let planted = 0;
  truth.forEach((facts, i) => {
    const wanted = new Set([
      ...(facts?.performerIds ?? []).map((id) => `performers:${id}`),
      ...(facts?.studioId ? [`studio:${facts.studioId}`] : []),
      ...(facts?.date ? [`date:${facts.date}`] : []),
    ]);
    planted += wanted.size;
    for (const [key, confidence] of proposed.get(String(i + 1)) ?? []) {
      const counts = confidence >= BULK_APPROVE ? [all, bulk] : [all];
      for (const count of counts) {
        count.proposals++;
        if (wanted.has(key)) count.correct++;
      }
    }
  });
  return {
    precision: round(all.correct / all.proposals, 3),
    recall: round(all.correct / planted, 3),
    bulkApprovePrecision: round(bulk.correct / bulk.proposals, 3),
    bulkApproveRecall: round(bulk.correct / planted, 3),
  };
}

let port = 0;
let sim: ChildProcess | null = null;
// Imported after the parent set DATABASE_URL: the app's one database module reads it once.
const { db } = await import("../server/db/client");
const { bulkWriter } = await import("../server/db/bulk-writer");
const { runSync } = await import("../server/sync/sync-service");
const { createAnalysisPlan } = await import("../server/analysis/create-analysis-plan");
const { runAnalysisPlan } = await import("../server/analysis/analysis-plan-runner");
const { readRows } = await import("../server/db/row-reader");
const { sql, toStatement } = await import("../server/db/sql-dialect");
try {
  ({ child: sim, port } = await startSimProcess([
    "--scenes",
    String(library.scenes),
    "--performers",
    String(library.performers),
    "--tags",
    String(library.tags),
    "--studios",
    String(library.studios),
    "--plant-facts",
  ]));
  const synced = await runSync({ type: "full" }, "cli", {
    stash: { url: `http://127.0.0.1:${port}/graphql` },
  });
  if (synced.status !== "completed") throw new Error(`the sync ended ${synced.status}`);

  const plan = await createAnalysisPlan({
    name: "Bench",
    analyzers: every,
    scope: { kind: "library" },
  });
  const peakRss = sampleRss();
  const run = await timed(() => runAnalysisPlan({ planId: plan.id }));
  const planPeakRssMB = peakRss();
  if (run.value.status !== "completed") throw new Error(`the plan ended ${run.value.status}`);

  const rows = await readRows<{
    scene_id: string;
    field: string;
    proposed: string;
    confidence: number;
  }>([
    toStatement(sql`SELECT r."scene_id", c."field", c."proposed", c."confidence"
      FROM "analysis_change" AS c JOIN "analysis_result" AS r ON r."id" = c."result_id"
      WHERE c."plan_id" = ${plan.id} AND c."field" IN ('performers', 'studio', 'date')`),
  ]);
  const proposed = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const value = JSON.parse(row.proposed) as string | { id: string };
    const key = `${row.field}:${typeof value === "string" ? value : value.id}`;
    const scene = proposed.get(row.scene_id) ?? new Map<string, number>();
    proposed.set(row.scene_id, scene.set(key, Number(row.confidence)));
  }
  const truth: (PlantedFacts | null)[] = [];
  for (let from = 1; from <= library.scenes; from += 10_000) {
    const to = Math.min(library.scenes, from + 9_999);
    truth.push(
      ...(await control<(PlantedFacts | null)[]>(port, { action: "plantedFacts", from, to })),
    );
  }
  const figures: AnalysisPassFigures = {
    ...library,
    planSeconds: round(run.seconds, 2),
    scenesPerSecond: round(library.scenes / run.seconds),
    scenesWithChanges: run.value.scenesWithChanges,
    changesProposed: run.value.changesProposed,
    planPeakRssMB,
    ...score(proposed, truth),
  };
  console.log(
    `analysis plan, every analyzer: ${figures.planSeconds} s for ${library.scenes} scenes ` +
      `(${library.performers} performers, ${library.tags} tags, ${library.studios} studios), ` +
      `${figures.changesProposed} changes for ${figures.scenesWithChanges} scenes; ` +
      `peak RSS while it ran ${planPeakRssMB} MB; planted facts: precision ${figures.precision}, ` +
      `recall ${figures.recall} (at ≥ ${BULK_APPROVE}: precision ${figures.bulkApprovePrecision}, ` +
      `recall ${figures.bulkApproveRecall})`,
  );
  console.log(`${passLinePrefix}${JSON.stringify(figures)}`);
} finally {
  sim?.kill();
  await bulkWriter().close();
  await db().$disconnect();
}
