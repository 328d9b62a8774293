import { readRows } from "../../db/row-reader";
import { quote, whereIn } from "../../db/sql-dialect";
import { storedSceneFile, type StoredFileRow } from "../../library/stored-scene-file";
import { parseStoredGroups } from "../../library/stored-scene-groups";
import type { StashRef } from "../../stash/types";
import { byId, type SceneRecord } from "../compare/scene-record";

interface SceneRow {
  id: string;
  title: string | null;
  code: string | null;
  details: string | null;
  director: string | null;
  urls: string;
  groups: string;
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
    readRows<SceneRow>(
      whereIn(
        `SELECT "id", "title", "code", "details", "director", "urls", "groups", "date", "rating100",
        "organized", "o_counter" AS "oCounter", "studio_id" AS "studioId" FROM "scene"`,
        "id",
        ids,
      ),
    ),
    linkedRefs("scene_performer", "performer", ids),
    linkedRefs("scene_tag", "tag", ids),
    readRows<StoredFileRow & { sceneId: string }>(
      whereIn(
        `SELECT "id", "scene_id" AS "sceneId", "position", "path", "basename", "size", "duration",
        "width", "height", "video_codec" AS "videoCodec", "audio_codec" AS "audioCodec",
        "frame_rate" AS "frameRate", "bit_rate" AS "bitRate", "fingerprints" FROM "scene_file"`,
        "scene_id",
        ids,
      ),
    ),
  ]);
  const studioIds = [...new Set(scenes.flatMap((s) => (s.studioId ? [s.studioId] : [])))];
  const studios = new Map(
    (await readRows<StashRef>(whereIn('SELECT "id", "name" FROM "studio"', "id", studioIds))).map(
      (s) => [s.id, s],
    ),
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

  for (const row of scenes) {
    records.set(row.id, {
      id: row.id,
      title: row.title,
      code: row.code,
      details: row.details,
      director: row.director,
      urls: JSON.parse(row.urls) as string[],
      groups: parseStoredGroups(row.groups),
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

/** The refs a link table ties to these scenes (scene_tag → tag), with their names. */
function linkedRefs(linkTable: string, refTable: string, sceneIds: string[]): Promise<LinkRow[]> {
  return readRows<LinkRow>(
    whereIn(
      `SELECT l."scene_id" AS "sceneId", r."id", r."name" FROM ${quote(linkTable)} AS l
      JOIN ${quote(refTable)} AS r ON r."id" = l.${quote(`${refTable}_id`)}`,
      "scene_id",
      sceneIds,
    ),
  );
}
