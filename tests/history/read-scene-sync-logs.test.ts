import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { isAppError } from "../../server/errors";
import { readSceneSyncLogs } from "../../server/history/read-scene-sync-logs";
import type { SyncLogEntry } from "../../server/history/scene-sync-logs-schema";
import { createScene, createSyncRun } from "../factories/library";
import { at, createSyncLog } from "./sync-log-factory";

const ids = (items: SyncLogEntry[]) => items.map((item) => item.id);

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAppError(error) ? error.code : error).toBe(code);
}

describe("a scene's sync logs", () => {
  // Full-sync rows belong to every scene: each test starts without another test's runs.
  beforeEach(async () => {
    await db().syncLog.deleteMany();
    await db().syncHistory.deleteMany();
  });

  it("merges the scene's own rows with full-sync rows, newest first, and nothing else", async () => {
    const scene = await createScene(db());
    const other = await createScene(db());
    const full = await createSyncRun(db(), { syncType: "full" });
    const incremental = await createSyncRun(db(), { syncType: "incremental" });
    const specific = await createSyncRun(db(), { syncType: "specific" });

    const fullRow = await createSyncLog(db(), full, { entityId: null, createdAt: at(1) });
    const ownFull = await createSyncLog(db(), full, {
      entityId: scene.id,
      createdAt: at(2),
      changeType: "updated",
    });
    const ownIncremental = await createSyncLog(db(), incremental, {
      entityId: scene.id,
      createdAt: at(5),
    });
    const ownSpecific = await createSyncLog(db(), specific, {
      entityId: scene.id,
      createdAt: at(9),
    });
    // Not this scene's: another scene's row, another entity type's full row, a NULL row of a
    // run that is not a full sync.
    await createSyncLog(db(), incremental, { entityId: other.id, createdAt: at(6) });
    await createSyncLog(db(), full, { entityId: null, entityType: "performer", createdAt: at(3) });
    await createSyncLog(db(), incremental, { entityId: null, createdAt: at(7) });

    const page = await readSceneSyncLogs({ sceneId: scene.id });

    expect(ids(page.items)).toEqual([ownSpecific.id, ownIncremental.id, ownFull.id, fullRow.id]);
    expect(page.next_cursor).toBeNull();
    expect(page.only_full_syncs).toBe(false);
  });

  it("breaks ties on created_at by id, newest id first", async () => {
    const scene = await createScene(db());
    const run = await createSyncRun(db(), { syncType: "full" });
    const a = await createSyncLog(db(), run, { entityId: null, createdAt: at(1) });
    const b = await createSyncLog(db(), run, { entityId: scene.id, createdAt: at(1) });
    const c = await createSyncLog(db(), run, { entityId: null, createdAt: at(1) });

    const page = await readSceneSyncLogs({ sceneId: scene.id });

    expect(ids(page.items)).toEqual([c.id, b.id, a.id]);
  });

  it("answers each row in the design's SyncLogEntry shape with its run and parsed changes", async () => {
    const scene = await createScene(db());
    const run = await createSyncRun(db(), { syncType: "incremental", startedAt: at(0) });
    await db().syncHistory.update({
      where: { id: run.id },
      data: { itemsSynced: 12, itemsCreated: 2, itemsUpdated: 3 },
    });
    const row = await createSyncLog(db(), run, {
      entityId: scene.id,
      createdAt: at(1),
      changeType: "updated",
      changedFields: { title: { from: "Old", to: "New" }, tags: { added: ["x"], removed: [] } },
    });

    const [entry] = (await readSceneSyncLogs({ sceneId: scene.id })).items;

    expect(entry).toEqual({
      id: row.id,
      entity_id: scene.id,
      sync_type: "incremental",
      had_changes: true,
      change_type: "updated",
      error_message: null,
      created_at: at(1),
      changed_fields: { title: { from: "Old", to: "New" }, tags: { added: ["x"], removed: [] } },
      sync_history: {
        job_id: run.jobId,
        started_at: at(0),
        completed_at: new Date(at(0).getTime() + 1000),
        status: "completed",
        items_synced: 12,
        items_created: 2,
        items_updated: 3,
      },
    });
  });

  it("pages back with the cursor without duplicates or gaps", async () => {
    const scene = await createScene(db());
    const full = await createSyncRun(db(), { syncType: "full" });
    const incremental = await createSyncRun(db(), { syncType: "incremental" });
    // 60 rows over 30 distinct times: pairs share a time, so pages cut inside ties too.
    for (let i = 0; i < 60; i++) {
      const own = i % 3 !== 0;
      await createSyncLog(db(), own ? incremental : full, {
        entityId: own ? scene.id : null,
        createdAt: at(Math.floor(i / 2)),
      });
    }
    const everything = await readSceneSyncLogs({ sceneId: scene.id, limit: 500 });
    expect(everything.items).toHaveLength(60);

    const paged: SyncLogEntry[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await readSceneSyncLogs({ sceneId: scene.id, limit: 7, cursor });
      paged.push(...page.items);
      cursor = page.next_cursor ?? undefined;
      pages++;
    } while (cursor);

    expect(pages).toBe(9);
    expect(ids(paged)).toEqual(ids(everything.items));
  });

  it("gives no next cursor when the last page is exactly full", async () => {
    const scene = await createScene(db());
    const run = await createSyncRun(db(), { syncType: "specific" });
    for (let i = 0; i < 4; i++) {
      await createSyncLog(db(), run, { entityId: scene.id, createdAt: at(i) });
    }

    const first = await readSceneSyncLogs({ sceneId: scene.id, limit: 2 });
    const second = await readSceneSyncLogs({
      sceneId: scene.id,
      limit: 2,
      cursor: first.next_cursor ?? undefined,
    });

    expect(first.next_cursor).not.toBeNull();
    expect(second.items).toHaveLength(2);
    expect(second.next_cursor).toBeNull();
  });

  describe("filters", () => {
    async function sceneWithEveryOutcome() {
      const scene = await createScene(db());
      const full = await createSyncRun(db(), { syncType: "full" });
      const incremental = await createSyncRun(db(), { syncType: "incremental" });
      const specific = await createSyncRun(db(), { syncType: "specific" });
      const rows = {
        fullNoChange: await createSyncLog(db(), full, {
          entityId: null,
          createdAt: at(1),
          changeType: "skipped",
        }),
        fullChanged: await createSyncLog(db(), full, {
          entityId: null,
          createdAt: at(2),
          changeType: "updated",
        }),
        incrementalUpdated: await createSyncLog(db(), incremental, {
          entityId: scene.id,
          createdAt: at(3),
          changeType: "updated",
        }),
        incrementalFailed: await createSyncLog(db(), incremental, {
          entityId: scene.id,
          createdAt: at(4),
          changeType: "failed",
          errorMessage: "date: not a date",
        }),
        specificSkipped: await createSyncLog(db(), specific, {
          entityId: scene.id,
          createdAt: at(5),
          changeType: "skipped",
        }),
      };
      return { scene, rows };
    }

    it("only changes keeps the rows that changed something", async () => {
      const { scene, rows } = await sceneWithEveryOutcome();
      const page = await readSceneSyncLogs({
        sceneId: scene.id,
        filter: { outcome: "changes" },
      });
      expect(ids(page.items)).toEqual([rows.incrementalUpdated.id, rows.fullChanged.id]);
    });

    it("only failures keeps the failed rows with their error", async () => {
      const { scene, rows } = await sceneWithEveryOutcome();
      const page = await readSceneSyncLogs({
        sceneId: scene.id,
        filter: { outcome: "failures" },
      });
      expect(ids(page.items)).toEqual([rows.incrementalFailed.id]);
      expect(page.items[0]?.error_message).toBe("date: not a date");
    });

    it("a sync type keeps that type's rows; full keeps the rows covering every scene", async () => {
      const { scene, rows } = await sceneWithEveryOutcome();
      const incremental = await readSceneSyncLogs({
        sceneId: scene.id,
        filter: { syncType: "incremental" },
      });
      const full = await readSceneSyncLogs({ sceneId: scene.id, filter: { syncType: "full" } });
      expect(ids(incremental.items)).toEqual([
        rows.incrementalFailed.id,
        rows.incrementalUpdated.id,
      ]);
      expect(ids(full.items)).toEqual([rows.fullChanged.id, rows.fullNoChange.id]);
    });

    it("combines an outcome with a sync type", async () => {
      const { scene, rows } = await sceneWithEveryOutcome();
      const page = await readSceneSyncLogs({
        sceneId: scene.id,
        filter: { outcome: "changes", syncType: "incremental" },
      });
      expect(ids(page.items)).toEqual([rows.incrementalUpdated.id]);
    });
  });

  it("says when only full syncs have touched a scene so far", async () => {
    const scene = await createScene(db());
    const full = await createSyncRun(db(), { syncType: "full" });
    await createSyncLog(db(), full, { entityId: null, createdAt: at(1) });
    await createSyncLog(db(), full, {
      entityId: scene.id,
      createdAt: at(1),
      changeType: "created",
    });

    const onlyFull = await readSceneSyncLogs({ sceneId: scene.id });
    const incremental = await createSyncRun(db(), { syncType: "incremental" });
    await createSyncLog(db(), incremental, { entityId: scene.id, createdAt: at(2) });
    const afterIncremental = await readSceneSyncLogs({ sceneId: scene.id });

    expect(onlyFull.items).toHaveLength(2);
    expect(onlyFull.only_full_syncs).toBe(true);
    expect(afterIncremental.only_full_syncs).toBe(false);
  });

  it("returns 50 rows by default and accepts limits from 1 to 500 only", async () => {
    const scene = await createScene(db());
    const run = await createSyncRun(db(), { syncType: "incremental" });
    await db().syncLog.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({
        syncHistoryId: run.id,
        entityType: "scene",
        entityId: scene.id,
        syncType: "incremental",
        changeType: "skipped",
        createdAt: at(i),
      })),
    });

    expect((await readSceneSyncLogs({ sceneId: scene.id })).items).toHaveLength(50);
    expect((await readSceneSyncLogs({ sceneId: scene.id, limit: 1 })).items).toHaveLength(1);
    expect((await readSceneSyncLogs({ sceneId: scene.id, limit: 500 })).items).toHaveLength(55);
    await expect(readSceneSyncLogs({ sceneId: scene.id, limit: 0 })).rejects.toThrow();
    await expect(readSceneSyncLogs({ sceneId: scene.id, limit: 501 })).rejects.toThrow();
  });

  it("refuses an unknown scene with NOT_FOUND", async () => {
    await expectAppError(readSceneSyncLogs({ sceneId: "999999" }), "NOT_FOUND");
  });

  it("refuses a cursor it did not issue with BAD_INPUT", async () => {
    const scene = await createScene(db());
    await expectAppError(readSceneSyncLogs({ sceneId: scene.id, cursor: "nonsense" }), "BAD_INPUT");
  });
});
