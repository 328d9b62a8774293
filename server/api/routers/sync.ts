import { z } from "zod";
import { JobIdInput } from "../../domain/vocabulary";
import {
  listSyncRuns,
  ListSyncRunsInput,
  readLastRunOfEachType,
  readRunningSync,
  readSyncRun,
  readSyncRunEntries,
  SyncRunEntriesInput,
  SyncRunEntriesPage,
  SyncRunsPage,
} from "../../sync/read-sync-runs";
import { retryFailedEntities } from "../../sync/retry-failed-entities";
import { SyncRequest } from "../../sync/sync-request";
import { SyncRunView } from "../../sync/sync-run-view";
import { cancelSync, startSync } from "../../sync/sync-service";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const StartedOutput = z.object({ jobId: z.string() });

export const LastRuns = z.object({
  full: SyncRunView.optional(),
  incremental: SyncRunView.optional(),
  specific: SyncRunView.optional(),
});

/** Sync runs: starting, cancelling and retrying them, and reading them with their entries. */
export const syncRouter = createTRPCRouter({
  /** Starts a sync in the background; answers with its job id at once. */
  start: protectedProcedure
    .input(SyncRequest)
    .output(StartedOutput)
    .mutation(async ({ input }) => ({ jobId: (await startSync(input, "api")).jobId })),

  cancel: protectedProcedure
    .input(JobIdInput)
    .output(z.object({ cancelled: z.boolean() }))
    .mutation(async ({ input }) => ({ cancelled: await cancelSync(input.jobId) })),

  retryFailed: protectedProcedure
    .input(JobIdInput)
    .output(StartedOutput)
    .mutation(async ({ input }) => ({
      jobId: (await retryFailedEntities(input.jobId, "api")).jobId,
    })),

  /** One run with its live progress. */
  status: protectedProcedure
    .input(JobIdInput)
    .output(SyncRunView)
    .query(({ input }) => readSyncRun(input.jobId)),

  running: protectedProcedure
    .input(z.void())
    .output(SyncRunView.nullable())
    .query(() => readRunningSync()),

  list: protectedProcedure
    .input(ListSyncRunsInput)
    .output(SyncRunsPage)
    .query(({ input }) => listSyncRuns(input)),

  /** The newest run of each sync type (the dashboard). */
  lastRuns: protectedProcedure
    .input(z.void())
    .output(LastRuns)
    .query(() => readLastRunOfEachType()),

  entries: protectedProcedure
    .input(SyncRunEntriesInput)
    .output(SyncRunEntriesPage)
    .query(({ input }) => readSyncRunEntries(input)),
});
