/**
 * A scene whose digest is stored is never read again, so the rows written from a scene must
 * not change under the same digestVersion. This pins what is stored from a scene to the
 * version: change the columns or the mapped fields, and this fails until digestVersion is
 * bumped (and the new shape recorded here under the new version).
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseRecord } from "../../server/stash/wire-schemas";
import { digestVersion } from "../../server/sync/compare/scene-digest";
import { fileColumns, sceneColumns } from "../../server/sync/write/scene-rows";

/** What each digest version stores from a scene, as a fingerprint of the shape below. */
const storedShapeByVersion: Record<string, string> = {
  "2:": "adb1f3f58a50f73e8c5dd2200ec99025ea203244",
};

const wireScene = {
  id: "1",
  title: "t",
  code: null,
  details: null,
  director: null,
  urls: [],
  date: null,
  rating100: null,
  organized: false,
  o_counter: 0,
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
  studio: null,
  performers: [],
  tags: [],
  groups: [],
  files: [
    {
      id: "1",
      path: "/a.mp4",
      basename: "a.mp4",
      size: 1,
      duration: 1,
      width: 1,
      height: 1,
      video_codec: "h264",
      audio_codec: "aac",
      frame_rate: 30,
      bit_rate: 1,
      fingerprints: [],
    },
  ],
};

function storedShape(): string {
  const mapped = parseRecord("scene", wireScene);
  if (!mapped.ok) throw new Error(mapped.error);
  const shape = {
    sceneColumns,
    fileColumns,
    sceneFields: Object.keys(mapped.value).sort(),
    fileFields: Object.keys(mapped.value.files[0]!).sort(),
  };
  return createHash("sha1").update(JSON.stringify(shape)).digest("hex");
}

describe("the scene digest version", () => {
  it("changes whenever what is stored from a scene changes", () => {
    expect(
      storedShapeByVersion[digestVersion],
      `What is stored from a scene changed: bump digestVersion in server/sync/compare/scene-digest.ts and record ${storedShape()} for it here.`,
    ).toBe(storedShape());
  });
});
