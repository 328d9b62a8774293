import type { Db } from "../../db/client";
import { storedSceneFile } from "../../library/stored-scene-file";
import type { SceneRecord } from "../compare/scene-record";

/** Stored scenes in the normalized shape, to compare with what Stash sends now. */
export async function readStoredScenes(db: Db, ids: string[]): Promise<Map<string, SceneRecord>> {
  const records = new Map<string, SceneRecord>();
  // Prisma binds each id as a parameter in every nested query; its SQLite limit is 999.
  for (let i = 0; i < ids.length; i += 400) {
    for (const record of await readChunk(db, ids.slice(i, i + 400))) records.set(record.id, record);
  }
  return records;
}

async function readChunk(db: Db, ids: string[]): Promise<SceneRecord[]> {
  const rows = await db.scene.findMany({
    where: { id: { in: ids } },
    include: {
      studio: { select: { id: true, name: true } },
      performers: { select: { performer: { select: { id: true, name: true } } } },
      tags: { select: { tag: { select: { id: true, name: true } } } },
      files: { orderBy: { position: "asc" } },
    },
  });
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return rows.map((row): SceneRecord => ({
    id: row.id,
    title: row.title,
    code: row.code,
    details: row.details,
    director: row.director,
    urls: JSON.parse(row.urls) as string[],
    date: row.date,
    rating100: row.rating100,
    organized: row.organized,
    oCounter: row.oCounter,
    studio: row.studio,
    performers: row.performers.map((p) => p.performer).sort(byId),
    tags: row.tags.map((t) => t.tag).sort(byId),
    files: row.files.map(storedSceneFile),
  }));
}
