import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { rowReader } from "../../server/db/row-reader";
import { toStatement } from "../../server/db/sql-dialect";
import { textSearch } from "../../server/db/text-search";
import { listScenes } from "../../server/library/list-scenes";
import { scenePageIdsStatement } from "../../server/library/scene-list-query";
import { createPerformer, createScene, createStudio, createTag } from "../factories/library";

// Stash ids are digits (the filters validate them); the shared factories name refs "st1", "p2".
const mirrored = () => ({
  stashCreatedAt: "2026-11-01T10:00:00+01:00",
  stashUpdatedAt: "2026-11-01T10:00:00+01:00",
  contentHash: "test",
  firstSeenAt: new Date(),
  lastSyncedAt: new Date(),
});

const titles = (page: Awaited<ReturnType<typeof listScenes>>) => page.items.map((s) => s.title);

describe("the scene list", () => {
  beforeEach(async () => {
    await db().syncLog.deleteMany();
    await db().scene.deleteMany();
  });

  it("finds scenes by part of the title or of a file path", async () => {
    await createScene(db(), { title: "Beach day" });
    await createScene(db(), { title: "Untitled", path: "/library/holiday/beach-2.mp4" });
    await createScene(db(), { title: "Mountains" });

    const page = await listScenes({ search: "beach" });

    expect(titles(page)).toEqual(["Beach day", "Untitled"]);
    expect(page.total).toBe(2);
  });

  it("finds scenes by a path fragment and by their studio's, performers' and tags' names", async () => {
    const studio = await createStudio(db(), { name: "Harbor Films" });
    const performer = await createPerformer(db(), { name: "Ada Quill" });
    const tag = await createTag(db(), { name: "golden hour" });
    await createScene(db(), { title: "One", path: "/data/library/studio-3/1/one.mp4" });
    await createScene(db(), { title: "Two", studioId: studio.id });
    await createScene(db(), { title: "Three", performerIds: [performer.id] });
    await createScene(db(), { title: "Four", tagIds: [tag.id] });
    await createScene(db(), { title: "Five", path: "/data/library/studio-30/1/five.mp4" });

    expect(titles(await listScenes({ search: "library/studio-3/" }))).toEqual(["One"]);
    expect(titles(await listScenes({ search: "or fil" }))).toEqual(["Two"]);
    expect(titles(await listScenes({ search: "a quil" }))).toEqual(["Three"]);
    expect(titles(await listScenes({ search: "GOLDEN" }))).toEqual(["Four"]);
    expect(titles(await listScenes({ search: "Ada", tagId: tag.id }))).toEqual([]);
  });

  it("finds the same scenes, literally, testing each scene as reading the search index", async () => {
    const tag = await createTag(db(), { name: "100% pure_gold" });
    await createScene(db(), { title: 'Say "cheese"', path: "/x/a_b/1.mp4" });
    await createScene(db(), { title: "Tagged", tagIds: [tag.id] });
    await createScene(db(), { title: "axb 100 pure gold", path: "/x/ab/2.mp4" });
    const ids = async (search: string, searchBy: "index" | "scan") =>
      (
        await rowReader().all<{ id: string }>(
          scenePageIdsStatement({ sort: "title_asc", page: 1, pageSize: 50, search }, 51, searchBy),
        )
      ).map((row) => row.id);

    // Text shorter than a trigram too, which no index finds: read from the tables.
    const found = ['"chee', "a_b", "0% pure_", "pure gold", '"c', "a_", "0%"];
    for (const search of [...found, "nowhere", "zq"]) {
      const byIndex = await ids(search, "index");
      expect(await ids(search, "scan"), search).toEqual(byIndex);
      expect(byIndex.length, search).toBe(found.includes(search) ? 1 : 0);
    }
  });

  it("samples the search index: every match of rare text, a share of common text", async () => {
    for (let i = 0; i < 120; i++) await createScene(db(), { title: `common ${i}` });
    await createScene(db(), { title: "rare one, qj" });
    const sample = async (text: string) =>
      (
        await rowReader().all<{ matched: number; sampled: number | null }>(
          toStatement(textSearch.sampleMatches(text)),
        )
      )[0];

    expect(await sample("rare")).toEqual({ matched: 1, sampled: null, linked: 0 });
    // Text shorter than a trigram is sampled too, from the first scenes' own text.
    expect(await sample("mm")).toEqual({ matched: 120, sampled: null, linked: 0 });
    expect(await sample("qj")).toEqual({ matched: 1, sampled: null, linked: 0 });
    // SQLite samples the first 100 matches; PostgreSQL tests the first 2,000 scenes, all of these.
    const common = await sample("common");
    if (common?.sampled === null) expect(common.matched).toBe(120);
    else expect((common?.matched ?? 0) / (common?.sampled ?? 1)).toBeGreaterThan(0.9);
  });

  it("samples names as well: in the index (PostgreSQL) or by their scenes' links (SQLite)", async () => {
    const tag = await createTag(db(), { name: "Harbor Glow" });
    const studio = await createStudio(db(), { name: "Glow Works" });
    for (let i = 0; i < 3; i++) await createScene(db(), { title: `tagged ${i}`, tagIds: [tag.id] });
    await createScene(db(), { title: "from the studio", studioId: studio.id });
    await createScene(db(), { title: "plain" });
    const [sample] = await rowReader().all<{ matched: number; linked: number }>(
      toStatement(textSearch.sampleMatches("glow")),
    );
    expect(sample!.matched + sample!.linked).toBe(4);
    expect(titles(await listScenes({ search: "GLOW" })).sort()).toEqual([
      "from the studio",
      "tagged 0",
      "tagged 1",
      "tagged 2",
    ]);
  });

  it("finds text shorter than the index's trigrams by scanning, in titles, paths and names", async () => {
    const tag = await createTag(db(), { name: "4k" });
    await createScene(db(), { title: "Tagged", tagIds: [tag.id] });
    await createScene(db(), { title: "Other" });

    expect(titles(await listScenes({ search: "4K" }))).toEqual(["Tagged"]);
  });

  it("keeps the index current when a performer, tag or studio is renamed", async () => {
    const performer = await createPerformer(db(), { name: "Old Name" });
    await createScene(db(), { title: "Renamed", performerIds: [performer.id] });

    await db().performer.update({ where: { id: performer.id }, data: { name: "Nova Lark" } });

    expect(titles(await listScenes({ search: "nova lark" }))).toEqual(["Renamed"]);
    expect(titles(await listScenes({ search: "old name" }))).toEqual([]);
  });

  it("filters by performer, tag, studio and organized", async () => {
    const studio = await db().studio.create({ data: { id: "901", name: "S", ...mirrored() } });
    const performer = await db().performer.create({
      data: { id: "902", name: "P", ...mirrored() },
    });
    const tag = await db().tag.create({ data: { id: "903", name: "T", ...mirrored() } });
    await createScene(db(), { title: "A", studioId: studio.id });
    await createScene(db(), { title: "B", performerIds: [performer.id] });
    await createScene(db(), { title: "C", tagIds: [tag.id] });
    const organized = await createScene(db(), { title: "D" });
    await db().scene.update({ where: { id: organized.id }, data: { organized: true } });

    expect(titles(await listScenes({ studioId: studio.id }))).toEqual(["A"]);
    expect(titles(await listScenes({ performerId: performer.id }))).toEqual(["B"]);
    expect(titles(await listScenes({ tagId: tag.id }))).toEqual(["C"]);
    expect(titles(await listScenes({ organized: true }))).toEqual(["D"]);
  });

  it("sorts and pages, with the total and the page count", async () => {
    for (const title of ["c", "a", "e", "b", "d"]) await createScene(db(), { title });

    const first = await listScenes({ sort: "title_desc", pageSize: 2 });
    const last = await listScenes({ sort: "title_desc", pageSize: 2, page: 3 });

    expect(titles(first)).toEqual(["e", "d"]);
    expect(titles(last)).toEqual(["a"]);
    expect([first.total, first.pageCount]).toEqual([5, 3]);
  });

  it.each([
    "title_asc",
    "title_desc",
    "date_desc",
    "date_asc",
    "updated_desc",
    "synced_desc",
  ] as const)(
    "pages by %s through each page's cursor as by page number, scenes without a value included",
    async (sort) => {
      for (const [title, date] of [
        ["c", "2024-05"],
        [null, "2023"],
        ["a", null],
        ["e", "2025-01-02"],
        [null, null],
        ["b", "2023"],
        ["d", "2024-05"],
      ] as const) {
        const scene = await createScene(db());
        await db().scene.update({ where: { id: scene.id }, data: { title, date } });
      }
      const all = (await listScenes({ sort, pageSize: 200 })).items.map((s) => s.id);

      const walked: string[] = [];
      let after: string | undefined;
      for (let page = 1; page <= 5; page++) {
        const list = await listScenes({ sort, pageSize: 2, page, after });
        walked.push(...list.items.map((s) => s.id));
        expect(list.items.map((s) => s.id)).toEqual(all.slice((page - 1) * 2, page * 2));
        if (!list.nextCursor) break;
        after = list.nextCursor;
      }

      expect(walked).toEqual(all);
      expect(all).toHaveLength(7);
    },
  );

  it("refuses an `after` that is not a cursor the list wrote", async () => {
    await expect(listScenes({ after: "bm90LWEtY3Vyc29y" })).rejects.toThrow(/cursor/);
  });

  it("leaves out scenes no longer in Stash", async () => {
    const gone = await createScene(db(), { title: "Gone" });
    await createScene(db(), { title: "Here" });
    await db().scene.update({ where: { id: gone.id }, data: { removedAt: new Date() } });

    expect(titles(await listScenes({}))).toEqual(["Here"]);
  });
});
