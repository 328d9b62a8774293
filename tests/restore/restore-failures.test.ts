/**
 * What goes wrong in Stash stays visible and loses nothing: a tag Stash no longer has fails its
 * field alone, and Stash refusing or not answering the write is a 502/503 with nothing recorded.
 */
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { acquireSyncLock, releaseSyncLock } from "../../server/sync/sync-lock";
import { expectApiError } from "../api/helpers/api-error";
import { withRestoreFixture } from "./helpers/restore-fixture";

const fixture = withRestoreFixture({ scenes: 20, seed: 15 });

describe("a restore that Stash cannot take whole", () => {
  it("fails the tags field for a tag Stash removed, and restores the other fields", async () => {
    const before = fixture.sim.scene(2)!;
    const [lost, ...kept] = before.tags;
    const logId = await fixture.editInStash(2, {
      title: "Wrong title",
      tag_ids: kept.map((t) => t.id),
    });
    fixture.sim.removeTag(Number(lost!.id));

    const result = await fixture.api.restore.restoreEntry.mutate({ sceneId: "2", logId });

    expect(result.fields).toEqual([
      expect.objectContaining({ field: "title", status: "restored" }),
      {
        field: "tags",
        status: "failed",
        restoredText: "",
        error: `Stash no longer has tag “${lost!.name}” (id ${lost!.id}): tags was not restored.`,
      },
    ]);
    const after = fixture.sim.scene(2)!;
    expect(after.title).toBe(before.title);
    expect(after.tags.map((t) => t.id)).toEqual(kept.map((t) => t.id));
    expect(result.sync?.status).toBe("completed");
  });

  it("writes nothing when no field can be restored, and says why", async () => {
    const before = fixture.sim.scene(3)!;
    const studio = before.studio ?? fixture.sim.addStudio({ name: "Short-lived" });
    const other = fixture.sim.addStudio({ name: "Replacement studio" });
    if (!before.studio) await fixture.editInStash(3, { studio_id: studio.id });
    const logId = await fixture.editInStash(3, { studio_id: other.id });
    fixture.sim.removeStudio(Number(studio.id));
    const restoresBefore = await db().sceneRestore.count();

    const result = await fixture.api.restore.restoreEntry.mutate({
      sceneId: "3",
      logId,
      fields: ["studio"],
    });

    expect(result).toMatchObject({ restoreId: null, sync: null });
    expect(result.fields).toEqual([expect.objectContaining({ field: "studio", status: "failed" })]);
    expect(result.fields[0]!.error).toContain(`studio “${studio.name}”`);
    expect(fixture.sim.scene(3)!.studio?.id).toBe(other.id);
    expect(await db().sceneRestore.count()).toBe(restoresBefore);
  });

  it("answers 502 with Stash's own message when Stash refuses the write, and records nothing", async () => {
    const logId = await fixture.editInStash(4, { title: "Wrong" });
    const restoresBefore = await db().sceneRestore.count();
    fixture.sim.rejectNextWrites(1, "database is locked");

    const error = await expectApiError(
      fixture.api.restore.restoreEntry.mutate({ sceneId: "4", logId }),
      { code: "BAD_GATEWAY", httpStatus: 502, appCode: "STASH_BAD_RESPONSE" },
    );

    expect(error.message).toContain("database is locked");
    expect(fixture.sim.scene(4)!.title).toBe("Wrong");
    expect(await db().sceneRestore.count()).toBe(restoresBefore);
  });

  it("answers 503 when Stash cannot be reached, before anything is written", async () => {
    const logId = await fixture.editInStash(5, { title: "Wrong" });
    await fixture.sim.goAway();

    await expectApiError(fixture.api.restore.restoreEntry.mutate({ sceneId: "5", logId }), {
      code: "SERVICE_UNAVAILABLE",
      httpStatus: 503,
      appCode: "STASH_UNREACHABLE",
    });
    await fixture.sim.comeBack();
    expect(fixture.sim.scene(5)!.title).toBe("Wrong");
  });

  it("answers 404 for a scene Stash no longer has", async () => {
    const logId = await fixture.editInStash(6, { title: "Wrong" });
    fixture.sim.removeScene(6);

    await expectApiError(fixture.api.restore.restoreEntry.mutate({ sceneId: "6", logId }), {
      code: "NOT_FOUND",
      httpStatus: 404,
    });
  });

  it("is refused while a sync or a plan's apply holds the lock, naming which, and writes nothing", async () => {
    const logId = await fixture.editInStash(7, { title: "Wrong while busy" });
    const restoresBefore = await db().sceneRestore.count();
    const holders = [
      {
        jobId: "restore-test-sync",
        task: null,
        says: /^A sync is already running \(job restore-test-sync, on /,
      },
      {
        jobId: "restore-test-apply",
        task: "analysis plan #9 is being applied to Stash",
        says: /^stash-sync is busy: analysis plan #9 is being applied to Stash \(on /,
      },
    ];
    for (const holder of holders) {
      await acquireSyncLock(db(), holder.jobId, holder.task);
      try {
        const error = await expectApiError(
          fixture.api.restore.restoreEntry.mutate({ sceneId: "7", logId }),
          { code: "CONFLICT", httpStatus: 409, appCode: "SYNC_ALREADY_RUNNING" },
        );
        expect(error.message).toMatch(holder.says);
        expect(error.message).toContain("Restore once it has finished");
      } finally {
        await releaseSyncLock(db(), holder.jobId);
      }
    }
    expect(fixture.sim.scene(7)!.title).toBe("Wrong while busy");
    expect(await db().sceneRestore.count()).toBe(restoresBefore);
  });
});
