import { expect } from "vitest";
import { db } from "../../server/db/client";
import { countLoggedOutcomes } from "../../server/sync/count-logged-outcomes";
import { latestFullSyncStart } from "../../server/sync/full-sync-confirmation";
import type { SyncType } from "../../server/domain/vocabulary";
import type { StashClient } from "../../server/stash/client";
import type { StashRecordPage, StashScene } from "../../server/stash/types";
import { pageThrough } from "../../server/sync/run/page-through";
import { PageWindow } from "../../server/sync/run/page-window";
import { prepareScenePage } from "../../server/sync/write/write-scene-page";
import { newRunContext, type RunContext } from "../../server/sync/run-context";
import type { SyncRequest } from "../../server/sync/sync-request";
import { loadKnownRefs } from "../../server/sync/write/ensure-linked-refs";
import { createSyncRun } from "../factories/library";
import { runSync, startSync, type SyncOptions } from "../../server/sync/sync-service";

interface SimLike {
  url: string;
}

/** Options that point a sync at this simulator (small pages, so paging is exercised). */
export function against(sim: SimLike, extra: Partial<SyncOptions> = {}): SyncOptions {
  return { stash: { url: sim.url, apiKey: null }, perPage: 100, ...extra };
}

export function syncNow(sim: SimLike, request: SyncRequest, extra: Partial<SyncOptions> = {}) {
  return runSync(request, "api", against(sim, extra));
}

export function startSyncAgainst(
  sim: SimLike,
  request: SyncRequest,
  extra: Partial<SyncOptions> = {},
) {
  return startSync(request, "api", against(sim, extra));
}

/** The sync lock's row, or null while nothing holds it. */
export const lockRow = () => db().syncLock.findUnique({ where: { name: "sync" } });

export async function runRow(jobId: string) {
  return db().syncHistory.findUniqueOrThrow({ where: { jobId } });
}

export async function logRows(jobId: string) {
  const run = await runRow(jobId);
  return db().syncLog.findMany({ where: { syncHistoryId: run.id }, orderBy: { id: "asc" } });
}

/** The run's counters say what its sync_log rows say. */
export async function expectCountersMatchLogs(jobId: string) {
  const run = await runRow(jobId);
  const logged = await countLoggedOutcomes(db(), run.id);
  expect(run.itemsCreated).toBe(logged.created);
  expect(run.itemsUpdated).toBe(logged.updated);
  expect(run.itemsFailed).toBe(logged.failed);
  // A full sync does not log unchanged entities one by one.
  if (run.syncType !== "full") expect(run.itemsSkipped).toBe(logged.skipped);
  expect(run.itemsSynced).toBe(
    run.itemsCreated + run.itemsUpdated + run.itemsSkipped + run.itemsFailed,
  );
}

/** Polls until `check` holds (for runs in the background). */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 20_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A run recorded as running, and the context its pages are written with: for tests that drive
 * the engine's page functions directly instead of a whole sync.
 */
export async function pageRunContext(client: StashClient, syncType: SyncType): Promise<RunContext> {
  const run = await createSyncRun(db(), { syncType, status: "running" });
  const ctx = newRunContext(
    {
      client,
      runId: run.id,
      jobId: run.jobId,
      syncType,
      perPage: 100,
      signal: new AbortController().signal,
    },
    await latestFullSyncStart(),
  );
  await loadKnownRefs(ctx);
  return ctx;
}

/** The first `count` scene pages of 100 as Stash serves them, by id. */
export function readScenePages(client: StashClient, count: number) {
  const read = (page: number) =>
    client.findScenePage({ page, perPage: 100, sort: "id", direction: "ASC" });
  return Promise.all(Array.from({ length: count }, (_, i) => read(i + 1)));
}

/** Writes these pages (page n is served[n - 1]) through a run's scene pipeline. */
export function throughScenePages(ctx: RunContext, served: StashRecordPage<StashScene>[]) {
  const pages = new PageWindow(async (page) => served[page - 1]!, ctx.pageConcurrency, ctx.perPage);
  return pageThrough(ctx, "scenes", pages, (items) => prepareScenePage(ctx, items));
}
