import { db } from "../db/client";
import { errorText } from "../errors";
import { logger } from "../logger";
import { runningJobId } from "../sync/sync-lock";
import { appVersion } from "../version";
import { probeStash, type StashHealth } from "./probe-stash";

/**
 * What GET /api/health answers, open without the token: so it names no secret and no library
 * content, only states and the running job's id, type and start.
 */
export interface Health {
  /** ok; degraded: serving, but Stash does not answer as it should; unavailable: no database. */
  status: "ok" | "degraded" | "unavailable";
  version: string;
  database: "ok" | "unusable";
  stash: StashHealth | "unknown";
  running_job: { job_id: string; sync_type: string; started_at: string } | null;
}

export async function readHealth(): Promise<Health> {
  const running = await readRunningJob().then(
    (job) => ({ ok: true as const, job }),
    (error: unknown) => {
      logger.error(`Health check: the database is unusable: ${errorText(error)}`);
      return { ok: false as const };
    },
  );
  if (!running.ok) {
    return {
      status: "unavailable",
      version: appVersion,
      database: "unusable",
      stash: "unknown",
      running_job: null,
    };
  }
  const stash = await probeStash().catch(() => "unreachable" as const);
  return {
    status: stash === "ok" ? "ok" : "degraded",
    version: appVersion,
    database: "ok",
    stash,
    running_job: running.job,
  };
}

/** Reads real tables, so a missing, locked-out or corrupt database file shows here. */
async function readRunningJob(): Promise<Health["running_job"]> {
  const jobId = await runningJobId(db());
  if (!jobId) return null;
  const run = await db().syncHistory.findUnique({
    where: { jobId },
    select: { syncType: true, startedAt: true },
  });
  return run
    ? { job_id: jobId, sync_type: run.syncType, started_at: run.startedAt.toISOString() }
    : null;
}
