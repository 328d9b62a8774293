import { describe, expect, it } from "vitest";
import { diffScene } from "../../server/sync/compare/diff-scene";
import { sceneRecordFromStash, type SceneRecord } from "../../server/sync/compare/scene-record";

function scene(overrides: Partial<SceneRecord> = {}): SceneRecord {
  return {
    id: "1",
    title: "Old title",
    code: null,
    details: null,
    director: null,
    urls: ["https://a.example"],
    date: "2024-05",
    rating100: 60,
    organized: false,
    oCounter: 0,
    studio: { id: "s1", name: "Acme" },
    performers: [{ id: "p1", name: "Ann" }],
    tags: [
      { id: "t1", name: "outdoor" },
      { id: "t2", name: "night" },
    ],
    groups: [],
    files: [
      {
        id: "f1",
        path: "/m/a.mp4",
        basename: "a.mp4",
        size: 100,
        duration: 60,
        width: 1920,
        height: 1080,
        videoCodec: "h264",
        audioCodec: "aac",
        frameRate: 30,
        bitRate: 1000,
        fingerprints: [{ type: "oshash", value: "x" }],
      },
    ],
    ...overrides,
  };
}

describe("comparing a stored scene with Stash's", () => {
  it("reports scalars as old → new and links as added/removed names, with their ids", () => {
    const changes = diffScene(
      scene(),
      scene({
        title: "New title",
        studio: { id: "s2", name: "Beta" },
        tags: [
          { id: "t2", name: "night" },
          { id: "t3", name: "beach" },
        ],
      }),
    );
    expect(changes).toEqual({
      title: { from: "Old title", to: "New title" },
      studio: { from: "Acme", to: "Beta", ids: { from: "s1", to: "s2" } },
      tags: { added: ["beach"], removed: ["outdoor"], ids: { added: ["t3"], removed: ["t1"] } },
    });
  });

  it("finds nothing when only a linked tag was renamed", () => {
    const renamed = scene({
      tags: [
        { id: "t1", name: "open air" },
        { id: "t2", name: "night" },
      ],
    });
    expect(diffScene(scene(), renamed)).toEqual({});
  });

  it("compares links in id order, however Stash orders them", () => {
    const shuffled = scene({
      tags: [
        { id: "t2", name: "night" },
        { id: "t10", name: "late" },
        { id: "t1", name: "outdoor" },
      ],
    });
    const normalized = sceneRecordFromStash({ ...shuffled, createdAt: "x", updatedAt: "y" });
    expect(normalized.tags.map((t) => t.id)).toEqual(["t1", "t10", "t2"]);
  });

  it("reports a re-encoded file's facts and a moved file as a path change", () => {
    const base = scene();
    const file = base.files[0]!;
    expect(diffScene(base, scene({ files: [{ ...file, videoCodec: "hevc", size: 80 }] }))).toEqual({
      "a.mp4: size": { from: 100, to: 80 },
      "a.mp4: videoCodec": { from: "h264", to: "hevc" },
    });
    expect(diffScene(base, scene({ files: [{ ...file, path: "/m/b.mp4" }] }))).toEqual({
      files: { added: ["/m/b.mp4"], removed: ["/m/a.mp4"] },
    });
  });
});
