import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { StashClient } from "../../server/stash/client";
import { scanRecordPage } from "../../server/stash/scan-record-page";
import { sceneRecordOfText } from "../../server/stash/scene-records";
import { recordOpening } from "../../server/stash/stash-queries";
import type { PageRecord, StashScene } from "../../server/stash/types";
import { sceneDigest } from "../../server/sync/compare/scene-digest";
import { prepareScenePage, writeScenePage } from "../../server/sync/write/write-scene-page";
import { recordOf } from "../helpers/scene-record";
import { withStashSim } from "../helpers/stash-sim";
import {
  expectCountersMatchLogs,
  logRows,
  pageRunContext,
  runRow,
  syncNow,
} from "../helpers/sync-run";

const sim = withStashSim({ scenes: 150, seed: 11 });

const storedHashes = async () =>
  new Map((await db().scene.findMany()).map((s) => [s.id, s.contentHash]));

/**
 * Each scene row keeps a digest of Stash's text for it. A full sync reads (parses, validates,
 * compares field by field) only the scenes whose text changed since; the outcomes stay those
 * of comparing values.
 */
describe("scene digests", () => {
  it("skips a scene stored from exactly the same text without reading it", async () => {
    expect((await syncNow(sim, { type: "full" })).status).toBe("completed");
    const client = new StashClient({ url: sim.url, perPage: 100 });
    const page = await client.findScenePage({ page: 1, perPage: 100 });
    const unreadable = page.items.map((record): PageRecord<StashScene> => ({
      ...record,
      read: () => {
        throw new Error(`scene ${record.id} was read`);
      },
    }));
    const outcomes = await writeScenePage(await pageRunContext(client, "full"), unreadable);
    expect(outcomes).toHaveLength(100);
    expect(outcomes.every((o) => o.changeType === "skipped")).toBe(true);
  });

  it("compares field by field, once, scenes whose digest came from an older release", async () => {
    // Rows in key order: PostgreSQL returns updated rows in another physical order.
    const inStableOrder = {
      include: { tags: { orderBy: { tagId: "asc" } }, files: { orderBy: { id: "asc" } } },
      orderBy: { id: "asc" },
    } as const;
    await syncNow(sim, { type: "full" });
    await db().scene.updateMany({ data: { contentHash: "from-an-older-release" } });
    const before = await db().scene.findMany(inStableOrder);

    const summary = await syncNow(sim, { type: "full" });
    expect(summary.status).toBe("completed");
    // Nothing differs: only the run's row for all scenes is logged, not one per scene.
    expect(await logRows(summary.jobId)).toHaveLength(1);
    expect((await runRow(summary.jobId)).itemsSkipped).toBeGreaterThanOrEqual(150);
    await expectCountersMatchLogs(summary.jobId);
    const after = await db().scene.findMany(inStableOrder);
    expect(after.every((s) => s.contentHash !== "from-an-older-release")).toBe(true);
    const content = (s: (typeof after)[number]) => ({ ...s, contentHash: "", lastSyncedAt: 0 });
    expect(after.map(content)).toEqual(before.map(content));
  });

  it("after a linked tag is renamed, logs nothing for its scenes and stores their new digests", async () => {
    await syncNow(sim, { type: "full" });
    const carrying = sim.scene(1)!.tags[0]!;
    const hashes = await storedHashes();
    sim.updateTag(Number(carrying.id), { name: `${carrying.name} (renamed)` });

    const summary = await syncNow(sim, { type: "full" });
    const sceneRows = (await logRows(summary.jobId)).filter(
      (r) => r.entityType === "scene" && r.entityId !== null,
    );
    expect(sceneRows).toEqual([]);
    expect((await storedHashes()).get("1")).not.toBe(hashes.get("1"));
    // Its text is stored now: the next full sync reads nothing again.
    const client = new StashClient({ url: sim.url, perPage: 100 });
    const page = await client.findScenePage({ page: 1, perPage: 100 });
    const stored = await storedHashes();
    expect(page.items.every((r) => stored.get(r.id!) === sceneDigest(r.text))).toBe(true);
  });

  it("gives a scene read by id, in a batch or on its own, the digest its page gives it", async () => {
    const client = new StashClient({ url: sim.url, perPage: 100 });
    const paged = await client.findScenePage({ page: 1, perPage: 100 });
    const byId = new Map(paged.items.map((r) => [r.id, sceneDigest(r.text)]));
    const batch = await client.findScenesByIds(["3", "40"]);
    expect(batch.found.map((r) => sceneDigest(r.text))).toEqual([byId.get("3"), byId.get("40")]);
    // With an unknown id Stash refuses the batch: each scene is asked for on its own, in an
    // answer parsed whole. Its digest is of the value written out again, which matches the
    // simulator's text. (Real Stash's Go encoder may escape or format some values otherwise:
    // such a scene is then compared field by field once more, never skipped wrongly.)
    sim.removeScene(99);
    const single = await client.findScenesByIds(["3", "99"]);
    expect(single.missing).toEqual(["99"]);
    expect(single.found.map((r) => sceneDigest(r.text))).toEqual([byId.get("3")]);
  });

  it("reads again a scene marked removed whose text is unchanged, and restores it", async () => {
    await syncNow(sim, { type: "full" });
    await db().scene.update({ where: { id: "5" }, data: { removedAt: new Date() } });
    const summary = await syncNow(sim, { type: "full" });
    expect((await db().scene.findUniqueOrThrow({ where: { id: "5" } })).removedAt).toBeNull();
    const rows = (await logRows(summary.jobId)).filter((r) => r.entityId === "5");
    expect(rows).toMatchObject([{ changeType: "updated" }]);
    expect(JSON.parse(rows[0]!.changedFields!)).toMatchObject({
      removed_from_stash: { from: true, to: false },
    });
  });

  it("reads again a scene whose file another scene took over, though its own text is the same", async () => {
    await syncNow(sim, { type: "full" });
    const filesOf = async (sceneId: string) =>
      (await db().sceneFile.findMany({ where: { sceneId }, orderBy: { position: "asc" } })).map(
        (f) => f.id,
      );
    const theirs = sim.scene(2)!.files[0]!.id;
    // A page read while Stash had moved scene 2's file to scene 3 (moved back since).
    const wire = sim.scene(3)!;
    const client = new StashClient({ url: sim.url, perPage: 100 });
    const ctx = await pageRunContext(client, "incremental");
    await writeScenePage(ctx, [recordOf({ ...wire, files: [{ ...wire.files[0]!, id: theirs }] })]);
    expect(await filesOf("2")).toEqual([]);

    expect((await syncNow(sim, { type: "full" })).status).toBe("completed");
    expect(await filesOf("2")).toEqual([theirs]);
    expect(await filesOf("3")).toEqual(wire.files.map((f) => f.id));
  });

  it("takes over a file that another page stored after this page was planned without it", async () => {
    await syncNow(sim, { type: "full" });
    const withFile = (index: number, id: string) => {
      const wire = sim.scene(index)!;
      return recordOf({ ...wire, files: [{ ...wire.files[0]!, id, path: `/library/${id}.mp4` }] });
    };
    const ctx = await pageRunContext(new StashClient({ url: sim.url, perPage: 100 }), "full");
    // Planned while no scene has the file: its row is to be inserted without a conflict check.
    const planned = await prepareScenePage(ctx, [withFile(3, "new-file")]);
    await writeScenePage(ctx, [withFile(2, "new-file")]);
    const outcomes = await planned.commit();

    expect(outcomes).toMatchObject([{ entityId: "3", changeType: "updated" }]);
    const file = await db().sceneFile.findUniqueOrThrow({ where: { id: "new-file" } });
    expect(file.sceneId).toBe("3");
    // Scene 2 lost it while its text stayed the same: the next sync reads it again.
    expect((await storedHashes()).get("2")).toBe("");
  });

  it("fails a record with two ids rather than compare it under one and write it under the other", () => {
    const text = JSON.stringify(sim.scene(1)).slice(0, -1) + ',"id":"999"}';
    const body = `{"data":{"page":{"count":1,"scenes":[${text}]}}}`;
    const [start, end] = scanRecordPage(body, "scenes", recordOpening("scene"))!.spans;
    expect(sceneRecordOfText(body, start!, end!).read()).toEqual({
      ok: false,
      id: "1",
      error: "Stash sent a scene with two ids",
    });
  });
});
