import type { SqlValue } from "../../db/sql-dialect";
import { storedGroups } from "../../library/stored-scene-groups";
import type { StashScene, StashVideoFile } from "../../stash/types";

/**
 * The rows a scene is stored as. Changing what is written from a scene means bumping
 * digestVersion (compare/scene-digest.ts), or scenes whose text is unchanged keep the old
 * rows; tests/sync/scene-digest-version.test.ts fails until it is bumped.
 */
export const sceneColumns = [
  "id",
  "title",
  "code",
  "details",
  "director",
  "urls",
  "groups",
  "date",
  "rating100",
  "organized",
  "o_counter",
  "stash_created_at",
  "stash_updated_at",
  "studio_id",
  "content_hash",
  "first_seen_at",
  "last_synced_at",
  "removed_at",
];
// A re-sync rewrites everything but the first time we saw the scene.
export const sceneUpdateColumns = sceneColumns.filter((c) => c !== "id" && c !== "first_seen_at");

export const fileColumns = [
  "id",
  "scene_id",
  "position",
  "path",
  "basename",
  "size",
  "duration",
  "width",
  "height",
  "video_codec",
  "audio_codec",
  "frame_rate",
  "bit_rate",
  "fingerprints",
];

export function sceneRow(scene: StashScene, hash: string, now: Date): SqlValue[] {
  return [
    scene.id,
    scene.title,
    scene.code,
    scene.details,
    scene.director,
    JSON.stringify(scene.urls),
    storedGroups(scene.groups),
    scene.date,
    scene.rating100,
    scene.organized,
    scene.oCounter,
    scene.createdAt,
    scene.updatedAt,
    scene.studio?.id ?? null,
    hash,
    now,
    now,
    null,
  ];
}

export function fileRow(
  sceneId: string,
  position: number,
  f: StashScene["files"][number],
): SqlValue[] {
  return [
    f.id,
    sceneId,
    position,
    f.path,
    f.basename,
    BigInt(Math.round(f.size)),
    f.duration,
    f.width,
    f.height,
    f.videoCodec,
    f.audioCodec,
    f.frameRate,
    f.bitRate,
    JSON.stringify(f.fingerprints),
  ];
}

/** The file as stored equals the file as Stash sends it (row for row, not key order). */
export function sameFile(a: StashVideoFile, b: StashVideoFile): boolean {
  const row = (f: StashVideoFile) =>
    JSON.stringify(fileRow("", 0, f), (_k, v: unknown) =>
      typeof v === "bigint" ? v.toString() : v,
    );
  return row(a) === row(b);
}
