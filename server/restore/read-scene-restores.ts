import { z } from "zod";
import { db } from "../db/client";
import { RestoreField, SceneRestoresInput, type SceneRestoreView } from "./restore-schema";

const storedFields = z.array(RestoreField).catch([]);

/** A scene's restores, newest first, each with the History entry that recorded it. */
export async function readSceneRestores(
  input: z.input<typeof SceneRestoresInput>,
): Promise<SceneRestoreView[]> {
  const { sceneId } = SceneRestoresInput.parse(input);
  const restores = await db().sceneRestore.findMany({
    where: { sceneId },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take: 500,
  });
  const logs = await db().syncLog.findMany({
    // The scene's own rows (an index range), never a scan of sync_log for restore_id.
    where: { entityType: "scene", entityId: sceneId, restoreId: { in: restores.map((r) => r.id) } },
    select: { id: true, restoreId: true },
  });
  const logOf = new Map(logs.map((l) => [l.restoreId, l.id]));
  return restores.map((r) => ({
    id: r.id,
    syncLogId: logOf.get(r.id) ?? null,
    restoredLogId: r.restoredLogId,
    restoredJobId: r.restoredJobId,
    fields: storedFields.parse(safeJson(r.fields)),
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt,
  }));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return [];
  }
}
