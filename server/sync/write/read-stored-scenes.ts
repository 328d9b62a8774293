import { rowReader } from "../../db/row-reader";
import { whereIn, type SqlValue } from "../../db/sql-dialect";
import { storedSceneFile, type StoredFileRow } from "../../library/stored-scene-file";
import type { StashRef } from "../../stash/types";
import type { SceneRecord } from "../compare/scene-record";

interface SceneRow {
  id: string;
  title: string | null;
  code: string | null;
  details: string | null;
  director: string | null;
  urls: string;
  date: string | null;
  rating100: number | null;
  organized: number | boolean;
  oCounter: number;
  studioId: string | null;
}

type LinkRow = StashRef & { sceneId: string };

/**
 * Stored scenes in the normalized shape, to compare with what Stash sends now. Read as raw rows
 * (row-reader.ts) in four flat queries, not one Prisma query with nested includes: a sync asks
 * this for every changed scene, and Prisma spends longer compiling and mapping than SQLite
 * spends reading.
 */
export async function readStoredScenes(ids: string[]): Promise<Map<string, SceneRecord>> {
  const records = new Map<string, SceneRecord>();
  if (ids.length === 0) return records;
  const [scenes, performers, tags, files] = await Promise.all([
    rows<SceneRow>(
      `SELECT "id", "title", "code", "details", "director", "urls", "date", "rating100",
        "organized", "o_counter" AS "oCounter", "studio_id" AS "studioId" FROM "scene"`,
      "id",
      ids,
    ),
    rows<LinkRow>(
      `SELECT l."scene_id" AS "sceneId", p."id", p."name" FROM "scene_performer" AS l
        JOIN "performer" AS p ON p."id" = l."performer_id"`,
      "scene_id",
      ids,
    ),
    rows<LinkRow>(
      `SELECT l."scene_id" AS "sceneId", t."id", t."name" FROM "scene_tag" AS l
        JOIN "tag" AS t ON t."id" = l."tag_id"`,
      "scene_id",
      ids,
    ),
    rows<StoredFileRow & { sceneId: string }>(
      `SELECT "id", "scene_id" AS "sceneId", "position", "path", "basename", "size", "duration",
        "width", "height", "video_codec" AS "videoCodec", "audio_codec" AS "audioCodec",
        "frame_rate" AS "frameRate", "bit_rate" AS "bitRate", "fingerprints" FROM "scene_file"`,
      "scene_id",
      ids,
    ),
  ]);
  const studioIds = [...new Set(scenes.flatMap((s) => (s.studioId ? [s.studioId] : [])))];
  const studios = new Map(
    (await rows<StashRef>('SELECT "id", "name" FROM "studio"', "id", studioIds)).map((s) => [
      s.id,
      s,
    ]),
  );
  const bySceneId = <T extends { sceneId: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) {
      const group = map.get(item.sceneId);
      if (group) group.push(item);
      else map.set(item.sceneId, [item]);
    }
    return map;
  };
  const performersOf = bySceneId(performers);
  const tagsOf = bySceneId(tags);
  const filesOf = bySceneId(files);
  const ref = ({ id, name }: StashRef): StashRef => ({ id, name });
  const byId = (a: StashRef, b: StashRef) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  for (const row of scenes) {
    records.set(row.id, {
      id: row.id,
      title: row.title,
      code: row.code,
      details: row.details,
      director: row.director,
      urls: JSON.parse(row.urls) as string[],
      date: row.date,
      rating100: row.rating100,
      organized: Boolean(row.organized),
      oCounter: row.oCounter,
      studio: row.studioId ? (studios.get(row.studioId) ?? null) : null,
      performers: (performersOf.get(row.id) ?? []).map(ref).sort(byId),
      tags: (tagsOf.get(row.id) ?? []).map(ref).sort(byId),
      files: (filesOf.get(row.id) ?? [])
        .sort((a, b) => a.position - b.position)
        .map(storedSceneFile),
    });
  }
  return records;
}

async function rows<T>(select: string, column: string, values: SqlValue[]): Promise<T[]> {
  const out: T[] = [];
  for (const statement of whereIn(select, column, values)) {
    out.push(...(await rowReader().all<T>(statement)));
  }
  return out;
}
