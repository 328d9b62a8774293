import { db } from "../db/client";
import type { Watermarks } from "./run/watermarks";

/**
 * Where the last successful full or incremental sync got to, per entity type: what the next
 * incremental sync reads from, and what watch mode asks Stash about.
 */
export async function readPreviousWatermarks(): Promise<Watermarks> {
  const last = await db().syncHistory.findFirst({
    where: {
      status: { in: ["completed", "completed_with_errors"] },
      syncType: { in: ["full", "incremental"] },
      watermarkTo: { not: null },
    },
    orderBy: { startedAt: "desc" },
    select: { watermarkTo: true },
  });
  return last?.watermarkTo ? (JSON.parse(last.watermarkTo) as Watermarks) : {};
}
