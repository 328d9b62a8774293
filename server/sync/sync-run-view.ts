import { z } from "zod";
import { SyncStatus, SyncTrigger, SyncType } from "../domain/vocabulary";

/** A sync run as callers see it: the API's output schema and the pages' data. */
export const SyncRunView = z.object({
  jobId: z.string(),
  syncType: SyncType,
  trigger: SyncTrigger,
  status: SyncStatus,
  startedAt: z.date(),
  completedAt: z.date().nullable(),
  itemsSynced: z.number().int(),
  itemsCreated: z.number().int(),
  itemsUpdated: z.number().int(),
  itemsSkipped: z.number().int(),
  itemsFailed: z.number().int(),
  errorMessage: z.string().nullable(),
  progress: z.object({
    phase: z.string().nullable(),
    done: z.number().int(),
    total: z.number().int(),
  }),
});
export type SyncRunView = z.infer<typeof SyncRunView>;

/** How a run ended, as runSync's callers, the CLI and notifications read it. */
export type SyncRunSummary = Pick<
  SyncRunView,
  | "jobId"
  | "syncType"
  | "status"
  | "errorMessage"
  | "itemsSynced"
  | "itemsCreated"
  | "itemsUpdated"
  | "itemsSkipped"
  | "itemsFailed"
>;

interface SyncHistoryRow {
  jobId: string;
  syncType: string;
  trigger: string;
  status: string;
  startedAt: Date;
  completedAt: Date | null;
  itemsSynced: number;
  itemsCreated: number;
  itemsUpdated: number;
  itemsSkipped: number;
  itemsFailed: number;
  errorMessage: string | null;
  phase: string | null;
  progressDone: number;
  progressTotal: number;
}

export function toSyncRunView(row: SyncHistoryRow): SyncRunView {
  return SyncRunView.parse({
    jobId: row.jobId,
    syncType: row.syncType,
    trigger: row.trigger,
    status: row.status,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    itemsSynced: row.itemsSynced,
    itemsCreated: row.itemsCreated,
    itemsUpdated: row.itemsUpdated,
    itemsSkipped: row.itemsSkipped,
    itemsFailed: row.itemsFailed,
    errorMessage: row.errorMessage,
    progress: { phase: row.phase, done: row.progressDone, total: row.progressTotal },
  });
}
