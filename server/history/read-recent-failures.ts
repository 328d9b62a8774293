import { z } from "zod";
import { db } from "../db/client";
import { EntityType, SyncType } from "../domain/vocabulary";

export const RecentFailuresInput = z.object({
  limit: z.number().int().min(1).max(100).default(10),
});
export type RecentFailuresInput = z.input<typeof RecentFailuresInput>;

export const RecentFailure = z.object({
  id: z.number().int(),
  entityType: EntityType,
  entityId: z.string().nullable(),
  /** The scene's title when the failed entity is a mirrored scene. */
  title: z.string().nullable(),
  syncType: SyncType,
  errorMessage: z.string().nullable(),
  createdAt: z.date(),
  jobId: z.string(),
});
export type RecentFailure = z.infer<typeof RecentFailure>;

/** The newest failed entities of any run, for the dashboard (sync_log(change_type, created_at)). */
export async function readRecentFailures(input: RecentFailuresInput): Promise<RecentFailure[]> {
  const { limit } = RecentFailuresInput.parse(input);
  const rows = await db().syncLog.findMany({
    where: { changeType: "failed" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { syncHistory: { select: { jobId: true } } },
  });
  const sceneIds = rows
    .filter((r) => r.entityType === "scene" && r.entityId !== null)
    .map((r) => r.entityId as string);
  const scenes = await db().scene.findMany({
    where: { id: { in: sceneIds } },
    select: { id: true, title: true },
  });
  const titles = new Map(scenes.map((s) => [s.id, s.title]));
  return rows.map((row) =>
    RecentFailure.parse({
      id: row.id,
      entityType: row.entityType,
      entityId: row.entityId,
      title: row.entityType === "scene" && row.entityId ? (titles.get(row.entityId) ?? null) : null,
      syncType: row.syncType,
      errorMessage: row.errorMessage,
      createdAt: row.createdAt,
      jobId: row.syncHistory.jobId,
    }),
  );
}
