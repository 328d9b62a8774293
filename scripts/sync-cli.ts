// Runs a sync from the command line (cron, scripts):
//   npm run sync -- full | incremental | scenes <id...>
// Shows a progress bar on a terminal, prints a summary, and exits non-zero unless the run
// completed: 1 failed, cancelled or refused; 2 bad usage; 3 completed with failed entities.
//   npm run sync -- cancel <job>
// asks a running sync of any process, on any machine sharing the database, to stop after the
// page it is on: exits 0 when the request reached it, 1 when it is not running.
import { SingleBar, Presets } from "cli-progress";
import { db } from "../server/db/client";
import { isAppError } from "../server/errors";
import { readSyncRun } from "../server/sync/read-sync-runs";
import { notifyWhenRunsEnd } from "../server/notifications/notify-when-runs-end";
import { recoverInterruptedRuns } from "../server/sync/run-record";
import { SyncRequest } from "../server/sync/sync-request";
import { cancelSync, startSync } from "../server/sync/sync-service";
import { syncCommand } from "./sync-cli-name";

// Read when printed: it names the command as set by the packaged cli.js, however this loads.
const usage = () => `Usage: ${syncCommand.name} full | incremental | scenes <id...> | cancel <job>`;

function parseRequest(args: string[]) {
  const [command, ...rest] = args;
  const raw = command === "scenes" ? { type: "specific", sceneIds: rest } : { type: command ?? "" };
  const parsed = SyncRequest.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${i.path.join(".") || "command"}: ${i.message}`)
      .join("; ");
    console.error(`${usage()}\n${detail}`);
    process.exit(2);
  }
  return parsed.data;
}

async function cancel(jobId: string | undefined) {
  if (!jobId) {
    console.error(`${usage()}\njob: name the job to cancel`);
    process.exit(2);
  }
  const reached = await cancelSync(jobId);
  console.log(
    reached
      ? `Cancel requested: job ${jobId} stops after the page it is on.`
      : `Job ${jobId} is not running.`,
  );
  await db().$disconnect();
  process.exit(reached ? 0 : 1);
}

async function main() {
  const [command, cancelJobId] = process.argv.slice(2);
  if (command === "cancel") return cancel(cancelJobId);
  const request = parseRequest(process.argv.slice(2));
  notifyWhenRunsEnd();
  await recoverInterruptedRuns(db());
  let started;
  try {
    started = await startSync(request, "cli");
  } catch (error) {
    console.error(isAppError(error) ? error.message : String(error));
    process.exit(1);
  }
  const { jobId, done } = started;
  console.log(`Started ${request.type} sync, job ${jobId}`);
  // Ctrl-C, or SIGTERM from cron's timeout or `docker stop`: end the run as cancelled.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.log("\nCancelling after the current page…");
      void cancelSync(jobId);
    });
  }

  const interactive = process.stdout.isTTY;
  const bar = interactive
    ? new SingleBar(
        { format: "{phase} |{bar}| {value}/{total}", hideCursor: true },
        Presets.shades_classic,
      )
    : null;
  let lastPhase = "";
  bar?.start(0, 0, { phase: "starting" });
  const timer = setInterval(() => {
    void readSyncRun(jobId).then((run) => {
      const phase = run.progress.phase ?? "";
      if (bar) {
        bar.setTotal(run.progress.total);
        bar.update(run.progress.done, { phase: phase.padEnd(12) });
      } else if (phase !== lastPhase) {
        console.log(`… ${phase}`);
      }
      lastPhase = phase;
    });
  }, 250);

  const summary = await done;
  clearInterval(timer);
  bar?.stop();
  console.log(
    `${summary.status}: ${summary.itemsSynced} synced — ${summary.itemsCreated} created, ` +
      `${summary.itemsUpdated} updated, ${summary.itemsSkipped} skipped, ${summary.itemsFailed} failed`,
  );
  if (summary.errorMessage) console.log(summary.errorMessage);
  await db().$disconnect();
  process.exit(
    summary.status === "completed" ? 0 : summary.status === "completed_with_errors" ? 3 : 1,
  );
}

await main();
