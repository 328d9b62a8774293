/**
 * Starts an incremental sync on a stash-sync server, waits for it to end, prints a summary and
 * every entity that failed. For a script run after Stash finishes a scan, or a bot.
 *
 *   STASH_SYNC_URL=http://localhost:3000 STASH_SYNC_TOKEN=… \
 *     node --import tsx examples/sync-and-report-failures.ts
 *
 * Exit status: 0 the run completed cleanly; 2 it completed but some entities failed; 1 the
 * run failed, was cancelled or interrupted, or the server refused or could not be reached.
 */
import { setTimeout as sleep } from "node:timers/promises";
import {
  createStashSyncClient,
  isStashSyncError,
  type RouterOutputs,
  type StashSyncClient,
} from "../client";

type SyncRun = RouterOutputs["sync"]["status"];

const api = createStashSyncClient({
  url: process.env.STASH_SYNC_URL ?? "http://localhost:3000",
  token: process.env.STASH_SYNC_TOKEN || undefined,
});
const pollMs = Number(process.env.STASH_SYNC_POLL_MS ?? 1000);

async function main(): Promise<number> {
  const jobId = await startIncrementalSync(api);
  const run = await waitUntilEnded(api, jobId);
  printSummary(run);
  if (run.itemsFailed > 0) await printFailures(api, jobId);
  if (run.status === "completed") return 0;
  if (run.status === "completed_with_errors") return 2;
  return 1;
}

/** Starts the sync; when one is already running, follows that one instead. */
async function startIncrementalSync(client: StashSyncClient): Promise<string> {
  try {
    const { jobId } = await client.sync.start.mutate({ type: "incremental" });
    console.log(`Started incremental sync ${jobId}.`);
    return jobId;
  } catch (error) {
    const running = isStashSyncError(error) ? error.data?.details?.jobId : undefined;
    if (
      isStashSyncError(error) &&
      error.data?.appCode === "SYNC_ALREADY_RUNNING" &&
      typeof running === "string"
    ) {
      console.log(`A sync is already running (${running}); waiting for it instead.`);
      return running;
    }
    throw error;
  }
}

async function waitUntilEnded(client: StashSyncClient, jobId: string): Promise<SyncRun> {
  let lastPhase: string | null = null;
  for (;;) {
    const run = await client.sync.status.query({ jobId });
    if (run.status !== "running") return run;
    if (run.progress.phase !== lastPhase) {
      lastPhase = run.progress.phase;
      console.log(`  … ${lastPhase ?? "starting"}`);
    }
    await sleep(pollMs);
  }
}

function printSummary(run: SyncRun): void {
  const seconds = run.completedAt
    ? ((run.completedAt.getTime() - run.startedAt.getTime()) / 1000).toFixed(1)
    : "?";
  console.log(`Sync ${run.jobId} (${run.syncType}) ended: ${run.status} after ${seconds} s.`);
  console.log(
    `  synced ${run.itemsSynced}: created ${run.itemsCreated}, updated ${run.itemsUpdated},` +
      ` skipped ${run.itemsSkipped}, failed ${run.itemsFailed}`,
  );
  if (run.errorMessage) console.log(`  ${run.errorMessage}`);
}

/** Every failed entity, page by page. */
async function printFailures(client: StashSyncClient, jobId: string): Promise<void> {
  console.log("Failed entities:");
  let cursor: number | undefined;
  do {
    const page = await client.sync.entries.query({
      jobId,
      changeType: "failed",
      limit: 500,
      cursor,
    });
    for (const entry of page.items) {
      console.log(
        `  ${entry.entityType} ${entry.entityId ?? "(all)"}: ${entry.errorMessage ?? "no message"}`,
      );
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const status = isStashSyncError(error) && error.data ? ` (HTTP ${error.data.httpStatus})` : "";
    console.error(`stash-sync: ${error instanceof Error ? error.message : String(error)}${status}`);
    process.exit(1);
  },
);
