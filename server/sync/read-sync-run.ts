import { db } from "../db/client";
import { AppError } from "../errors";
import { toSyncRunView, type SyncRunView } from "./sync-run-view";

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
