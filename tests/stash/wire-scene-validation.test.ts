import { describe, expect, it } from "vitest";
import { parseRecord } from "../../server/stash/wire-schemas";

// The record parser runs zod's ahead-of-time compiled fast path (wire-schemas.ts), which
// hands what it refuses to the runtime parser. These cases pin what must be refused, so a
// fast path that let a malformed scene through fails here rather than in a user's library, and
// what must be accepted and how it is mapped.

function wireScene() {
  return {
    id: "42",
    title: "A scene",
    code: null,
    details: "Details",
    director: null,
    urls: ["https://example.org/42"],
    date: "2021-04-05",
    rating100: 80,
    organized: false,
    o_counter: 3,
    created_at: "2021-04-05T10:00:00+02:00",
    updated_at: "2021-04-06T11:30:00.123Z",
    studio: { id: "7", name: "Studio" },
    performers: [{ id: "3", name: "Performer" }],
    tags: [{ id: "9", name: "Tag" }],
    files: [
      {
        id: "100",
        path: "/media/a.mp4",
        basename: "a.mp4",
        size: 1_000_000,
        duration: 61.5,
        width: 1920,
        height: 1080,
        video_codec: "h264",
        audio_codec: "aac",
        frame_rate: 29.97,
        bit_rate: 4_000_000,
        fingerprints: [{ type: "oshash", value: "abc" }],
      },
    ],
  };
}

type WireScene = ReturnType<typeof wireScene>;

const refused: [string, string, (s: WireScene) => void][] = [
  ["an empty id", "id", (s) => (s.id = "")],
  ["a numeric id", "id", (s) => ((s as { id: unknown }).id = 42)],
  ["a missing title", "title", (s) => delete (s as Partial<WireScene>).title],
  ["a month 13", "date", (s) => (s.date = "2021-13-01")],
  ["a day 32", "date", (s) => (s.date = "2021-01-32")],
  ["a rating over 100", "rating100", (s) => (s.rating100 = 101)],
  ["a fractional rating", "rating100", (s) => (s.rating100 = 50.5)],
  ["organized null", "organized", (s) => ((s as { organized: unknown }).organized = null)],
  ["a negative o_counter", "o_counter", (s) => (s.o_counter = -1)],
  ["a timestamp without zone", "updated_at", (s) => (s.updated_at = "2021-04-06T11:30:00")],
  ["a date as created_at", "created_at", (s) => (s.created_at = "2021-04-05")],
  ["a url that is not text", "urls[0]", (s) => ((s.urls as unknown[])[0] = 5)],
  [
    "a studio without a name",
    "studio.name",
    (s) => delete (s.studio as Partial<WireScene["studio"]>).name,
  ],
  ["a tag with an empty id", "tags[0].id", (s) => (s.tags[0]!.id = "")],
  [
    "performers not a list",
    "performers",
    (s) => ((s as { performers: unknown }).performers = null),
  ],
  [
    "a size given as text",
    "files[0].size",
    (s) => ((s.files[0] as { size: unknown }).size = "1 MB"),
  ],
  ["a negative duration", "files[0].duration", (s) => (s.files[0]!.duration = -1)],
  ["a fractional width", "files[0].width", (s) => (s.files[0]!.width = 1.5)],
  [
    "a fingerprint without value",
    "files[0].fingerprints[0].value",
    (s) => delete (s.files[0]!.fingerprints[0] as { value?: string }).value,
  ],
];

describe("a scene record from Stash", () => {
  it("maps a well-formed scene to the sync engine's names", () => {
    const item = parseRecord("scene", wireScene());
    expect(item).toEqual({
      ok: true,
      id: "42",
      value: expect.objectContaining({
        id: "42",
        oCounter: 3,
        createdAt: "2021-04-05T10:00:00+02:00",
        updatedAt: "2021-04-06T11:30:00.123Z",
        files: [expect.objectContaining({ videoCodec: "h264", frameRate: 29.97 })],
      }),
    });
  });

  it.each(refused)("is refused with %s, naming %s", (_case, field, mutate) => {
    const raw = wireScene();
    mutate(raw);
    const item = parseRecord("scene", raw);
    expect(item.ok).toBe(false);
    expect(item).toMatchObject({ error: expect.stringContaining(`${field}:`) });
  });

  it("accepts what Stash may leave empty, and drops fields it does not know", () => {
    const raw = {
      ...wireScene(),
      title: null,
      date: "2021",
      rating100: null,
      o_counter: null,
      studio: null,
      urls: [],
      performers: [],
      files: [],
      somethingNew: true,
    };
    const item = parseRecord("scene", raw);
    expect(item).toMatchObject({
      ok: true,
      value: { title: null, date: "2021", oCounter: 0, studio: null, files: [] },
    });
    expect(item.ok && "somethingNew" in item.value).toBe(false);
  });

  it("returns a new object each time, never the input", () => {
    const raw = wireScene();
    const item = parseRecord("scene", raw);
    expect(item.ok && item.value).not.toBe(raw);
    expect(item.ok && item.value.tags).not.toBe(raw.tags);
  });
});
