import { db } from "../db/client";
import type { RestoreField } from "./restore-schema";

/** The restore's own record, written once Stash took the write: its cause for the History. */
export async function recordRestore(input: {
  sceneId: string;
  restoredLogId: number;
  restoredJobId: string;
  fields: RestoreField[];
  requestedBy: string;
  requestedAt: Date;
}): Promise<number> {
  const row = await db().sceneRestore.create({
    data: { ...input, fields: JSON.stringify(input.fields) },
    select: { id: true },
  });
  return row.id;
}

/** The History entry the restore's specific sync logged, if it logged one. */
export async function findRestoreLogId(sceneId: string, restoreId: number): Promise<number | null> {
  // Through the scene's rows (an index range), never a scan of sync_log for restore_id.
  const row = await db().syncLog.findFirst({
    where: { entityType: "scene", entityId: sceneId, restoreId },
    select: { id: true },
  });
  return row?.id ?? null;
}
