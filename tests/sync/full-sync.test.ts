import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { startStashSim, type StashSim } from "../../stash-sim";
import { expectCountersMatchLogs, logRows, runRow, syncNow } from "../helpers/sync-run";

let sim: StashSim;
beforeAll(async () => {
  sim = await startStashSim({ scenes: 250, seed: 7, tz: "+02:00" });
});
afterAll(() => sim.close());

describe("a full sync", () => {
  it("mirrors every scene with its files, performers, tags and studio, and logs what it created", async () => {
    const summary = await syncNow(sim, { type: "full" });
    expect(summary.status).toBe("completed");

    const status = sim.status();
    expect(await db().scene.count()).toBe(status.scenes);
    expect(await db().performer.count()).toBe(status.performers);
    expect(await db().tag.count()).toBe(status.tags);
    expect(await db().studio.count()).toBe(status.studios);
    // Scenes come first and store the performers, tags and studios they link as stubs (an
    // empty digest); the pages of those types that follow fill every one in.
    const stubs = { where: { contentHash: "" } };
    expect(await db().performer.count(stubs)).toBe(0);
    expect(await db().tag.count(stubs)).toBe(0);
    expect(await db().studio.count(stubs)).toBe(0);
    const performer = await db().performer.findUniqueOrThrow({ where: { id: "1" } });
    expect(performer.stashUpdatedAt).not.toBe("");

    const wire = sim.scene(1)!;
    const stored = await db().scene.findUniqueOrThrow({
      where: { id: "1" },
      include: { files: true, tags: true, performers: true },
    });
    expect(stored.title).toBe(wire.title);
    // Stash's own timestamps are kept verbatim, in Stash's time zone.
    expect(stored.stashUpdatedAt).toBe(wire.updated_at);
    expect(stored.stashUpdatedAt).toMatch(/\+02:00$/);
    expect(stored.files.map((f) => f.path)).toEqual(wire.files.map((f) => f.path));
    expect(stored.tags.map((t) => t.tagId).sort()).toEqual(wire.tags.map((t) => t.id).sort());
    expect(stored.studioId).toBe(wire.studio?.id ?? null);

    const rows = await logRows(summary.jobId);
    const summaryRows = rows.filter((r) => r.entityType === "scene" && r.entityId === null);
    expect(summaryRows).toHaveLength(1);
    expect(summaryRows[0]).toMatchObject({
      entityType: "scene",
      syncType: "full",
      hadChanges: true,
      changeType: "updated",
    });
    const createdScenes = rows.filter(
      (r) => r.entityType === "scene" && r.changeType === "created",
    );
    expect(createdScenes).toHaveLength(status.scenes);
    expect(summary.itemsCreated).toBe(
      status.scenes + status.performers + status.tags + status.studios,
    );
    await expectCountersMatchLogs(summary.jobId);
  });

  it("with nothing changed logs only its NULL-entity row, without changes", async () => {
    const summary = await syncNow(sim, { type: "full" });
    expect(summary.status).toBe("completed");
    const rows = await logRows(summary.jobId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entityId: null, hadChanges: false, changeType: "skipped" });
    expect(summary.itemsSkipped).toBe(summary.itemsSynced);
    await expectCountersMatchLogs(summary.jobId);
  });

  it("logs a changed scene as updated with what changed, old → new and links added/removed", async () => {
    const before = sim.scene(3)!;
    const keptTags = before.tags.slice(1).map((t) => t.id);
    sim.updateScene(3, {
      title: "A new title",
      tag_ids: [...keptTags, "1", "2"].filter((v, i, a) => a.indexOf(v) === i),
    });
    const summary = await syncNow(sim, { type: "full" });

    const row = (await logRows(summary.jobId)).find(
      (r) => r.entityType === "scene" && r.entityId === "3",
    )!;
    expect(row).toMatchObject({ changeType: "updated", hadChanges: true });
    const changes = JSON.parse(row.changedFields!);
    expect(changes.title).toEqual({ from: before.title, to: "A new title" });
    expect(changes.tags.removed).toContain(before.tags[0]!.name);
    const stored = await db().scene.findUniqueOrThrow({
      where: { id: "3" },
      include: { tags: true },
    });
    expect(stored.title).toBe("A new title");
    // Only the links that changed were rewritten, and the stored set is Stash's.
    expect(stored.tags.map((t) => t.tagId).sort()).toEqual(
      sim
        .scene(3)!
        .tags.map((t) => t.id)
        .sort(),
    );
    expect(stored.stashUpdatedAt).toBe(sim.scene(3)!.updated_at);
  });

  it("follows a file Stash moved: the stored file gets the new path, nothing else is relinked", async () => {
    const before = sim.scene(6)!;
    sim.updateScene(6, { file: { path: "/library/moved/scene-6.mp4", basename: "scene-6.mp4" } });
    const summary = await syncNow(sim, { type: "full" });
    const row = (await logRows(summary.jobId)).find(
      (r) => r.entityType === "scene" && r.entityId === "6",
    )!;
    expect(JSON.parse(row.changedFields!).files).toEqual({
      added: ["/library/moved/scene-6.mp4"],
      removed: [before.files[0]!.path],
    });
    const stored = await db().scene.findUniqueOrThrow({
      where: { id: "6" },
      include: { files: { orderBy: { position: "asc" } }, performers: true },
    });
    expect(stored.files.map((f) => f.path)).toEqual(sim.scene(6)!.files.map((f) => f.path));
    expect(stored.performers).toHaveLength(before.performers.length);
  });

  it("logs an edit that was undone in Stash as skipped: values decide, not updated_at", async () => {
    const original = sim.scene(4)!.title;
    sim.updateScene(4, { title: "temporary" });
    sim.updateScene(4, { title: original });
    const summary = await syncNow(sim, { type: "full" });
    expect(
      (await logRows(summary.jobId)).find((r) => r.entityType === "scene" && r.entityId === "4"),
    ).toBeUndefined();
    // The newer Stash timestamp is still recorded.
    expect((await db().scene.findUniqueOrThrow({ where: { id: "4" } })).stashUpdatedAt).toBe(
      sim.scene(4)!.updated_at,
    );
  });

  it("marks scenes Stash no longer has as removed, keeps them, and logs why", async () => {
    sim.removeScene(5);
    const summary = await syncNow(sim, { type: "full" });
    const stored = await db().scene.findUniqueOrThrow({ where: { id: "5" } });
    expect(stored.removedAt).not.toBeNull();
    const row = (await logRows(summary.jobId)).find(
      (r) => r.entityType === "scene" && r.entityId === "5",
    )!;
    expect(row.changeType).toBe("updated");
    expect(JSON.parse(row.changedFields!)).toEqual({
      removed_from_stash: { from: false, to: true },
    });
    await expectCountersMatchLogs(summary.jobId);
    expect((await runRow(summary.jobId)).watermarkTo).toContain("+02:00");
  });
});
