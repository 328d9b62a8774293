import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import {
  createPerformer,
  createScene,
  createStudio,
  createSyncRun,
  createTag,
} from "../factories/library";

describe("the data model", () => {
  it("stores a scene with its files, performers, tags and studio, and reads it back", async () => {
    const studio = await createStudio(db(), { name: "Acme" });
    const performers = [await createPerformer(db()), await createPerformer(db())];
    const tag = await createTag(db(), { name: "outdoor" });
    const scene = await createScene(db(), {
      studioId: studio.id,
      performerIds: performers.map((p) => p.id),
      tagIds: [tag.id],
    });

    const read = await db().scene.findUniqueOrThrow({
      where: { id: scene.id },
      include: {
        files: true,
        studio: true,
        performers: { include: { performer: true } },
        tags: { include: { tag: true } },
      },
    });
    expect(read.studio?.name).toBe("Acme");
    expect(read.performers.map((p) => p.performer.name).sort()).toEqual(
      performers.map((p) => p.name).sort(),
    );
    expect(read.tags.map((t) => t.tag.name)).toEqual(["outdoor"]);
    expect(read.files).toHaveLength(1);
    // File sizes over 2 GiB survive the round trip exactly.
    expect(read.files[0]?.size).toBe(3_221_225_472n);
    expect(read.stashUpdatedAt).toBe("2026-11-01T10:00:00+01:00");
  });

  it("stores a sync run and its log rows, including a full sync's NULL-entity row", async () => {
    const run = await createSyncRun(db(), { syncType: "full" });
    await db().syncLog.createMany({
      data: [
        {
          syncHistoryId: run.id,
          entityType: "scene",
          entityId: null,
          syncType: "full",
          hadChanges: true,
          changeType: "updated",
        },
        {
          syncHistoryId: run.id,
          entityType: "scene",
          entityId: "42",
          syncType: "full",
          hadChanges: true,
          changeType: "updated",
          changedFields: JSON.stringify({ title: { from: "a", to: "b" } }),
        },
        {
          syncHistoryId: run.id,
          entityType: "scene",
          entityId: "43",
          syncType: "full",
          changeType: "failed",
          errorMessage: "bad date",
        },
      ],
    });

    const rows = await db().syncLog.findMany({
      where: { syncHistoryId: run.id },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.entityId, r.changeType, r.hadChanges])).toEqual([
      [null, "updated", true],
      ["42", "updated", true],
      ["43", "failed", false],
    ]);
    expect(rows[2]?.errorMessage).toBe("bad date");
    expect(JSON.parse(rows[1]?.changedFields ?? "null")).toEqual({ title: { from: "a", to: "b" } });
    const withRun = await db().syncLog.findFirstOrThrow({
      where: { entityId: "42" },
      include: { syncHistory: true },
    });
    expect(withRun.syncHistory.jobId).toBe(run.jobId);
  });
});
