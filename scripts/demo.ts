// npm run demo: the simulator with a few thousand scenes, the app on the embedded database,
// and enough sync history to look at. Safe to re-run: each run adds history to the same
// ./data database. Stop with Ctrl-C.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { runAnalysisPlan } from "../server/analysis/analysis-plan-runner";
import { createAnalysisPlan } from "../server/analysis/create-analysis-plan";
import { db } from "../server/db/client";
import { sqliteFileFromUrl } from "../server/db/database-file";
import { applyMigrations } from "../server/db/migrations";
import { env } from "../server/env";
import { notifyWhenRunsEnd } from "../server/notifications/notify-when-runs-end";
import { recoverInterruptedRuns } from "../server/sync/run-record";
import { runSync, type SyncOptions } from "../server/sync/sync-service";
import { syncTypeLabel } from "../server/domain/labels";
import { startStashSim } from "../stash-sim";

const appPort = Number(process.env.PORT ?? 3000);
const simPort = Number(process.env.STASH_SIM_PORT ?? 9999);
const scenes = Number(process.env.DEMO_SCENES ?? 3000);

function run(command: string, args: string[], extraEnv: Record<string, string> = {}) {
  return spawn(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
}

function exitCode(child: ReturnType<typeof spawn>) {
  return new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

console.log("Preparing the database…");
await applyMigrations(sqliteFileFromUrl(env().DATABASE_URL));
notifyWhenRunsEnd();
await recoverInterruptedRuns(db());

// The simulator's clock starts now, so its timestamps keep moving forward across demo runs.
const sim = await startStashSim({ scenes, seed: 42, port: simPort, now: new Date(), tz: "+01:00" });
console.log(`Stash simulator: ${sim.url} (${scenes} scenes)`);
const options: SyncOptions = { stash: { url: sim.url } };

const report = (label: string, s: Awaited<ReturnType<typeof runSync>>) =>
  console.log(
    `${label}: ${s.status} — ${s.itemsCreated} created, ${s.itemsUpdated} updated, ${s.itemsSkipped} skipped, ${s.itemsFailed} failed`,
  );

report(syncTypeLabel.full, await runSync({ type: "full" }, "cli", options));

// Edits in "Stash", then incremental syncs, so scene pages have a history to show.
sim.updateScene(1, { title: "Sunset at the pier (remastered)", rating100: 90 });
sim.updateScene(2, { organized: true });
sim.updateScene(3, {
  tag_ids: sim
    .scene(3)!
    .tags.slice(1)
    .map((t) => t.id),
});
sim.corruptScene(4, "bad-date", true);
report(syncTypeLabel.incremental, await runSync({ type: "incremental" }, "cli", options));
sim.corruptScene(4, null, true);
sim.updateScene(1, { details: "Re-edited in the director's cut." });
report(syncTypeLabel.incremental, await runSync({ type: "incremental" }, "cli", options));
report(
  syncTypeLabel.specific,
  await runSync({ type: "specific", sceneIds: ["1", "4"] }, "ui", options),
);

// A real analysis plan over the mirror, so scene timelines show "Analysis #n — Plan: …".
const plan = await createAnalysisPlan({
  name: "Metadata check",
  description:
    "Finds performers, studios and tags named in paths and titles, missing dates and titles",
  analyzers: ["performers", "studio", "tags", "date", "title", "details"],
  scope: { kind: "library" },
});
const analysed = await runAnalysisPlan({ planId: plan.id });
console.log(
  `Analysis plan "${analysed.name}": ${analysed.status} — ${analysed.changesProposed} changes proposed for ${analysed.scenesWithChanges} scenes`,
);
await db().$disconnect();

if (!existsSync(".next/BUILD_ID")) {
  console.log("Building the app (first run only)…");
  if ((await exitCode(run("node_modules/.bin/next", ["build"]))) !== 0) process.exit(1);
}
const app = run("node_modules/.bin/next", ["start", "-p", String(appPort)], {
  STASH_URL: sim.url,
  NEXT_TELEMETRY_DISABLED: "1",
});
console.log(
  `\nstash-sync: http://localhost:${appPort}  (the simulator is at ${sim.url}; Ctrl-C stops both)\n`,
);

const stop = async () => {
  app.kill("SIGTERM");
  await sim.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
await exitCode(app);
await sim.close();
