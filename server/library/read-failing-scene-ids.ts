import { Prisma } from "../../generated/prisma/client";
import { db } from "../db/client";

/**
 * Scenes whose latest own sync_log row failed: they are "failing" until a later sync succeeds.
 * Starts from the failed rows (sync_log(change_type, created_at) index, normally few) and
 * checks each against the scene's newer rows (sync_log(entity_type, entity_id, …) index).
 */
export async function readFailingSceneIds(sceneIds?: string[]): Promise<Set<string>> {
  if (sceneIds && sceneIds.length === 0) return new Set();
  const among = sceneIds ? Prisma.sql`AND f.entity_id IN (${Prisma.join(sceneIds)})` : Prisma.empty;
  const rows = await db().$queryRaw<{ entity_id: string }[]>`
    SELECT DISTINCT f.entity_id FROM sync_log AS f
    WHERE f.change_type = 'failed' AND f.entity_type = 'scene' AND f.entity_id IS NOT NULL ${among}
      AND NOT EXISTS (
        SELECT 1 FROM sync_log AS s
        WHERE s.entity_type = 'scene' AND s.entity_id = f.entity_id
          AND (s.created_at, s.id) > (f.created_at, f.id)
          AND (s.change_type IS NULL OR s.change_type <> 'failed')
      )`;
  return new Set(rows.map((row) => row.entity_id));
}
