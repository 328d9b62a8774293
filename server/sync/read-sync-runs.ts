import { z } from "zod";
import { parseChangedFields, ChangedFields } from "../domain/changed-fields";
import { ChangeType, EntityType, JobId, SyncStatus, SyncType } from "../domain/vocabulary";
import { db } from "../db/client";
import { AppError } from "../errors";
import { toSyncRunView, SyncRunView } from "./sync-run-view";
import { unchangedRunWhere } from "./unchanged-runs";

export const ListSyncRunsInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  /** The id after which to continue (from the previous page's nextCursor). */
  cursor: z.number().int().positive().optional(),
  syncType: SyncType.optional(),
  status: SyncStatus.optional(),
  /** Leave out runs that changed nothing (unchanged-runs.ts); the page says how many. */
  hideUnchanged: z.boolean().default(false),
});
export type ListSyncRunsInput = z.input<typeof ListSyncRunsInput>;

export const SyncRunsPage = z.object({
  items: z.array(SyncRunView),
  nextCursor: z.number().int().nullable(),
  /** Runs matching the filters that were left out for changing nothing, on every page. */
  hiddenUnchanged: z.number().int(),
});

/** Runs, newest first. */
export async function listSyncRuns(
  input: ListSyncRunsInput,
): Promise<z.infer<typeof SyncRunsPage>> {
  const { limit, cursor, syncType, status, hideUnchanged } = ListSyncRunsInput.parse(input);
  const filters = { syncType, status };
  const [rows, hiddenUnchanged] = await Promise.all([
    db().syncHistory.findMany({
      where: {
        ...filters,
        ...(cursor ? { id: { lt: cursor } } : {}),
        ...(hideUnchanged ? { NOT: unchangedRunWhere } : {}),
      },
      orderBy: { id: "desc" },
      take: limit + 1,
    }),
    hideUnchanged
      ? db().syncHistory.count({ where: { AND: [filters, unchangedRunWhere] } })
      : Promise.resolve(0),
  ]);
  const page = rows.slice(0, limit);
  return {
    items: page.map(toSyncRunView),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    hiddenUnchanged,
  };
}

export const SyncRunEntriesInput = z.object({
  jobId: JobId,
  changeType: ChangeType.optional(),
  entityType: EntityType.optional(),
  limit: z.number().int().min(1).max(500).default(100),
  cursor: z.number().int().positive().optional(),
});
export type SyncRunEntriesInput = z.input<typeof SyncRunEntriesInput>;

export const SyncRunEntry = z.object({
  id: z.number().int(),
  entityType: EntityType,
  /** Null on a full sync's row that stands for every scene. */
  entityId: z.string().nullable(),
  syncType: SyncType,
  hadChanges: z.boolean(),
  changeType: ChangeType.nullable(),
  errorMessage: z.string().nullable(),
  changedFields: ChangedFields.nullable(),
  createdAt: z.date(),
});
export type SyncRunEntry = z.infer<typeof SyncRunEntry>;

export const SyncRunEntriesPage = z.object({
  run: SyncRunView,
  items: z.array(SyncRunEntry),
  nextCursor: z.number().int().nullable(),
});

/** A run's per-entity rows in the order written, by outcome and entity type. */
export async function readSyncRunEntries(
  input: SyncRunEntriesInput,
): Promise<z.infer<typeof SyncRunEntriesPage>> {
  const { jobId, changeType, entityType, limit, cursor } = SyncRunEntriesInput.parse(input);
  const run = await db().syncHistory.findUnique({ where: { jobId } });
  if (!run) throw new AppError("NOT_FOUND", `No sync run with job id ${jobId}.`);
  const rows = await db().syncLog.findMany({
    where: {
      syncHistoryId: run.id,
      changeType,
      entityType,
      ...(cursor ? { id: { gt: cursor } } : {}),
    },
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    run: toSyncRunView(run),
    items: page.map((row) =>
      SyncRunEntry.parse({ ...row, changedFields: parseChangedFields(row.changedFields) }),
    ),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** The failed scene ids of a run: what "Retry failed entities" syncs again. */
export async function readFailedSceneIds(jobId: string): Promise<string[]> {
  const run = await db().syncHistory.findUnique({ where: { jobId }, select: { id: true } });
  if (!run) throw new AppError("NOT_FOUND", `No sync run with job id ${jobId}.`);
  const rows = await db().syncLog.findMany({
    where: {
      syncHistoryId: run.id,
      changeType: "failed",
      entityType: "scene",
      entityId: { not: null },
    },
    select: { entityId: true },
    distinct: ["entityId"],
  });
  return rows.map((r) => r.entityId!).filter((id) => /^\d+$/.test(id));
}

/** The newest run of each sync type, for the dashboard. */
export async function readLastRunOfEachType(): Promise<Partial<Record<SyncType, SyncRunView>>> {
  const result: Partial<Record<SyncType, SyncRunView>> = {};
  for (const type of SyncType.options) {
    const row = await db().syncHistory.findFirst({
      where: { syncType: type },
      orderBy: { id: "desc" },
    });
    if (row) result[type] = toSyncRunView(row);
  }
  return result;
}

/** One run with its live progress (written at least once a second while it runs). */
export async function readSyncRun(jobId: string): Promise<SyncRunView> {
  const row = await db().syncHistory.findUnique({ where: { jobId } });
  if (!row) throw new AppError("NOT_FOUND", `No sync run with job id ${jobId}.`);
  return toSyncRunView(row);
}

/** The run currently holding the sync lock, if any. */
export async function readRunningSync(): Promise<SyncRunView | null> {
  const row = await db().syncHistory.findFirst({
    where: { status: "running" },
    orderBy: { startedAt: "desc" },
  });
  return row ? toSyncRunView(row) : null;
}
