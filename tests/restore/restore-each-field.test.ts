/**
 * Restoring each kind of field over the API writes the History entry's old value back to Stash:
 * re-read from Stash, the scene is as it was before the edit, nothing else changed, and
 * Stash's updated_at moved forward.
 */
import { describe, expect, it } from "vitest";
import type { SceneEdit, WireScene } from "../../stash-sim";
import { withRestoreFixture } from "./helpers/restore-fixture";

const fixture = withRestoreFixture({ scenes: 30, seed: 11 });

/** The scene as a person edits it: no timestamps, links by id and in id order. */
function content(scene: WireScene) {
  const ids = (refs: { id: string }[]) => refs.map((r) => r.id).sort();
  const { updated_at: _updated, performers, tags, studio, ...rest } = scene;
  return { ...rest, studio: studio?.id ?? null, performers: ids(performers), tags: ids(tags) };
}

function otherIds(taken: { id: string }[], count: number, pool: number) {
  const used = new Set(taken.map((r) => r.id));
  const free: string[] = [];
  for (let id = 1; free.length < count && id <= pool; id++)
    if (!used.has(String(id))) free.push(String(id));
  return free;
}

const edits: Record<string, (scene: WireScene) => SceneEdit> = {
  title: () => ({ title: "Retitled by a bad scrape" }),
  code: () => ({ code: "WRONG-999" }),
  details: () => ({ details: "Details a careless bulk edit wrote" }),
  director: () => ({ director: "Nobody Atall" }),
  date: () => ({ date: "1999-12-31" }),
  rating100: (s) => ({ rating100: s.rating100 === 5 ? 6 : 5 }),
  organized: (s) => ({ organized: !s.organized }),
  urls: (s) => ({ urls: ["https://wrong.example/1", ...s.urls.slice(1)] }),
  studio: (s) => ({ studio_id: otherIds(s.studio ? [s.studio] : [], 1, 5)[0]! }),
  performers: (s) => ({ performer_ids: otherIds(s.performers, 2, 40) }),
  tags: (s) => ({ tag_ids: [...s.tags.slice(1).map((t) => t.id), ...otherIds(s.tags, 1, 40)] }),
};

describe("restoring one kind of field", () => {
  Object.entries(edits).forEach(([field, edit], index) => {
    it(`writes ${field} back to Stash as it was before the edit`, async () => {
      const sceneId = index + 2;
      const before = fixture.sim.scene(sceneId)!;
      const logId = await fixture.editInStash(sceneId, edit(before));
      const edited = fixture.sim.scene(sceneId)!;

      const result = await fixture.api.restore.restoreEntry.mutate({
        sceneId: String(sceneId),
        logId,
      });

      expect(result.fields).toEqual([
        expect.objectContaining({ field, status: "restored", error: null }),
      ]);
      const after = fixture.sim.scene(sceneId)!;
      expect(content(after)).toEqual(content(before));
      expect(after.updated_at > edited.updated_at).toBe(true);
    });
  });

  it("restores every field an entry changed at once, or only the fields asked for", async () => {
    const before = fixture.sim.scene(20)!;
    const logId = await fixture.editInStash(20, {
      title: "Both wrong",
      details: "Also wrong",
      tag_ids: before.tags.slice(1).map((t) => t.id),
    });

    const one = await fixture.api.restore.restoreEntry.mutate({
      sceneId: "20",
      logId,
      fields: ["details"],
    });
    expect(one.fields.map((f) => f.field)).toEqual(["details"]);
    expect(fixture.sim.scene(20)!.title).toBe("Both wrong");
    expect(fixture.sim.scene(20)!.details).toBe(before.details);

    const rest = await fixture.api.restore.restoreEntry.mutate({
      sceneId: "20",
      logId,
      fields: ["title", "tags"],
    });
    expect(rest.fields.map((f) => [f.field, f.status])).toEqual([
      ["title", "restored"],
      ["tags", "restored"],
    ]);
    expect(content(fixture.sim.scene(20)!)).toEqual(content(before));
  });

  it("refuses, with the field named, an entry of another scene or fields it did not change", async () => {
    const logId = await fixture.editInStash(21, { title: "Only the title" });
    const otherScene = fixture.api.restore.restoreEntry.mutate({ sceneId: "22", logId });
    const otherField = fixture.api.restore.restoreEntry.mutate({
      sceneId: "21",
      logId,
      fields: ["details"],
    });

    await expect(otherScene).rejects.toMatchObject({ data: { httpStatus: 404 } });
    await expect(otherField).rejects.toMatchObject({
      data: { httpStatus: 400, appCode: "BAD_INPUT" },
    });
    expect(fixture.sim.scene(21)!.title).toBe("Only the title");
  });
});
