/**
 * What stash-sync must do against every supported Stash release, run once per release (one
 * test file each, so each has its own database): the schema check, a full sync, an
 * incremental sync after an edit, a specific sync, and a restore through sceneUpdate.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { restoreSceneEntry } from "../../server/restore/restore-scene-entry";
import { saveStashWriteAccess } from "../../server/restore/stash-write-access";
import { StashClient } from "../../server/stash/client";
import { startStashSim, type StashSim } from "../../stash-sim";
import { minorOf, type StashRelease } from "../../stash-sim/releases";
import { expectCountersMatchLogs, logRows, syncNow } from "../helpers/sync-run";

export function releaseContract(release: StashRelease) {
  const minor = minorOf(release);
  let sim: StashSim;
  beforeAll(async () => {
    sim = await startStashSim({ scenes: 60, seed: 5, stashVersion: release });
  });
  afterAll(() => sim.close());

  describe(`against Stash ${release}`, () => {
    it("passes the schema check, reading each renamed field the way this release has it", async () => {
      const client = new StashClient({ url: sim.url });
      expect(await client.checkCompatibility()).toMatchObject({ version: release });
      const legacy = [...(await client.dialect()).legacy].sort();
      expect(legacy).toEqual(
        [
          ...(minor < 27 ? ["Performer.urls", "Scene.groups"] : []),
          ...(minor < 30 ? ["Studio.urls"] : []),
        ].sort(),
      );
    });

    it("mirrors the library in a full sync, storing the same shapes on every release", async () => {
      const summary = await syncNow(sim, { type: "full" });
      expect(summary.status).toBe("completed");
      const status = sim.status();
      expect(await db().scene.count()).toBe(status.scenes);
      expect(await db().performer.count()).toBe(status.performers);
      expect(await db().studio.count()).toBe(status.studios);

      // Studio URLs are a list everywhere; a release before v0.30 has only the first.
      for (const studio of await db().studio.findMany()) {
        const wire = sim.library.studios.get(Number(studio.id))!.urls;
        expect(JSON.parse(studio.urls)).toEqual(minor < 30 ? wire.slice(0, 1) : wire);
      }
      // Performer URLs too: before v0.27 they come from url, twitter and instagram.
      const withTwitter = await db().performer.findUniqueOrThrow({ where: { id: "3" } });
      expect(JSON.parse(withTwitter.urls)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^https:\/\/twitter\.com\//)]),
      );
      // Groups are read from `groups`, or from `movies` before v0.27, and stored alike.
      const grouped = await db().scene.findUniqueOrThrow({ where: { id: "14" } });
      expect(JSON.parse(grouped.groups)).toEqual([{ id: "15", name: "Series 15", scene_index: 1 }]);
      await expectCountersMatchLogs(summary.jobId);
    });

    it("picks up an edit in an incremental sync", async () => {
      sim.updateScene(7, { title: `Edited on ${release}` });
      const summary = await syncNow(sim, { type: "incremental" });
      expect(summary.status).toBe("completed");
      const row = (await logRows(summary.jobId)).find(
        (r) => r.entityType === "scene" && r.entityId === "7",
      )!;
      expect(row.changeType).toBe("updated");
      expect(JSON.parse(row.changedFields!)).toMatchObject({
        title: { to: `Edited on ${release}` },
      });
      await expectCountersMatchLogs(summary.jobId);
    });

    it("syncs listed scenes in a specific sync, failing an id Stash does not know", async () => {
      sim.updateScene(9, { organized: !sim.scene(9)!.organized });
      const summary = await syncNow(sim, { type: "specific", sceneIds: ["8", "9", "999999"] });
      expect(summary.status).toBe("completed_with_errors");
      const outcomes = (await logRows(summary.jobId)).map((r) => [r.entityId, r.changeType]);
      expect(outcomes).toEqual(
        expect.arrayContaining([
          ["8", "skipped"],
          ["9", "updated"],
          ["999999", "failed"],
        ]),
      );
      await expectCountersMatchLogs(summary.jobId);
    });

    it("restores an edit through this release's sceneUpdate, recorded by a specific sync", async () => {
      const before = sim.scene(10)!;
      sim.updateScene(10, { title: "Wrong", tag_ids: before.tags.slice(1).map((t) => t.id) });
      const edit = await syncNow(sim, { type: "specific", sceneIds: ["10"] });
      const entry = (await logRows(edit.jobId)).find((r) => r.entityId === "10")!;
      await saveStashWriteAccess({ allowed: true });

      const result = await restoreSceneEntry(
        { sceneId: "10", logId: entry.id },
        { credential: null, door: "trpc" },
        { stash: { url: sim.url }, perPage: 100 },
      );

      expect(result.fields.map((f) => [f.field, f.status])).toEqual([
        ["title", "restored"],
        ["tags", "restored"],
      ]);
      expect(sim.scene(10)!.title).toBe(before.title);
      expect(
        sim
          .scene(10)!
          .tags.map((t) => t.id)
          .sort(),
      ).toEqual(before.tags.map((t) => t.id).sort());
      expect(result.sync).toMatchObject({ status: "completed", logId: expect.any(Number) });
    });
  });
}
