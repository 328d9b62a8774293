import { describe, expect, it, onTestFinished, vi } from "vitest";
import { db } from "../../server/db/client";
import { logger } from "../../server/logger";
import { StashClient } from "../../server/stash/client";
import type { StashRecordPage, StashScene } from "../../server/stash/types";
import { EmptyLibraryLedger } from "../../server/sync/write/empty-library-ledger";
import {
  indexesFilledInOrder,
  keysDeferredOf,
  sceneTables,
  withSceneBulkLoad,
} from "../../server/sync/run/bulk-load";
import {
  deferForBulkLoad,
  restoreDeferredSchema,
  restorePrimaryKeys,
} from "../../server/db/deferred-schema";
import { dialect } from "../../server/db/sql-dialect";
import { providerOf } from "../../server/db/provider";
import { rowReader } from "../../server/db/row-reader";
import { env } from "../../server/env";
import { createScene } from "../factories/library";
import { recordOf } from "../helpers/scene-record";
import { withStashSim } from "../helpers/stash-sim";
import { pageRunContext, readScenePages, throughScenePages } from "../helpers/sync-run";

const sim = withStashSim({ scenes: 300, seed: 7 });

/** The scene tables' primary keys there are: all of them, but during a bulk load (on PostgreSQL). */
const primaryKeys = async () =>
  (await rowReader().all<{ name: string }>(dialect.primaryKeys(sceneTables))).length;
/** SQLite's keys are part of their tables: its catalog lists none to drop. */
const keyCount = () => (providerOf(env().DATABASE_URL) === "postgresql" ? sceneTables.length : 0);

/**
 * A first sync into an empty library looks up only the scenes and files its earlier pages
 * planned: any other is not stored. A page that repeats what an earlier page planned is
 * looked up as usual, so it is written in one transaction, not failed and retried.
 */
describe("the empty library's ledger", () => {
  it("says whether a page's ids are all planned for the first time, and remembers them", async () => {
    let keysBack = 0;
    const ledger = new EmptyLibraryLedger(async () => void keysBack++);
    expect(await ledger.firstPlanned("scene", ["1", "2"])).toBe(true);
    expect(keysBack).toBe(0);
    expect(await ledger.firstPlanned("scene", ["3", "2"])).toBe(false);
    // The first repeat brings the primary keys back, and only the first.
    expect(keysBack).toBe(1);
    // The ids of a page that repeated one are remembered too.
    expect(await ledger.firstPlanned("scene", ["3"])).toBe(false);
    // Files and scenes apart: a file may share a scene's id.
    expect(await ledger.firstPlanned("file", ["1", "4"])).toBe(true);
    expect(await ledger.firstPlanned("file", ["4", "4"])).toBe(false);
    expect(await ledger.firstPlanned("scene", [])).toBe(true);
    expect(keysBack).toBe(1);
  });

  it("writes pages that repeat a scene or a file of an earlier page, each in one transaction, with the keys back", async () => {
    const client = new StashClient({ url: sim.url, perPage: 100 });
    const pages = await readScenePages(client, 3);
    // Page 2 repeats the last scene of page 1, which is still being committed; page 3 the
    // first, committed by then. A scene of page 3 lists a file page 1 stored under scene 1.
    const [first, last] = [pages[0]!.items[0]!, pages[0]!.items.at(-1)!];
    const movedFile = sim.scene(1)!.files[0]!;
    const mover = sim.scene(250)!;
    const page3 = pages[2]!.items.map((item) =>
      item.id === "250" ? recordOf({ ...mover, files: [movedFile, ...mover.files] }) : item,
    );
    const served: StashRecordPage<StashScene>[] = [
      pages[0]!,
      { ...pages[1]!, items: [last, ...pages[1]!.items] },
      { ...pages[2]!, items: [first, ...page3] },
    ];
    expect(await db().scene.count()).toBe(0);
    const warn = vi.spyOn(logger, "warn");
    onTestFinished(() => warn.mockRestore());

    const ctx = await pageRunContext(client, "full");
    // As a first sync's bulk load runs: on PostgreSQL without primary keys until a repeat.
    await deferForBulkLoad(sceneTables, indexesFilledInOrder, keysDeferredOf);
    const keysAtRepeat: number[] = [];
    ctx.emptyLibrary = new EmptyLibraryLedger(async () => {
      keysAtRepeat.push(await primaryKeys());
      await restorePrimaryKeys();
    });
    const result = await throughScenePages(ctx, served).finally(restoreDeferredSchema);
    expect(keysAtRepeat).toEqual([0]);

    expect(result.seen.size).toBe(300);
    expect(ctx.tally).toMatchObject({ created: 300, skipped: 2, updated: 0, failed: 0 });
    expect(warn).not.toHaveBeenCalled();
    const file = await db().sceneFile.findUniqueOrThrow({ where: { id: movedFile.id } });
    expect(file.sceneId).toBe("250");
    // Scene 1 lost it with its text unchanged: the next sync reads it again.
    const scene1 = await db().scene.findUniqueOrThrow({ where: { id: "1" } });
    expect(scene1.contentHash).toBe("");
    const created = await db().syncLog.count({
      where: { syncHistoryId: ctx.runId, changeType: "created" },
    });
    expect(created).toBe(300);
  });

  it("is kept by a full sync's scenes phase into an empty library, and by nothing after it", async () => {
    const ctx = await pageRunContext(new StashClient({ url: sim.url, perPage: 100 }), "full");
    const keys: number[] = [];
    const during = async () => {
      keys.push(await primaryKeys());
      // A repeated id brings them back.
      await ctx.emptyLibrary?.firstPlanned("scene", ["1", "1"]);
      keys.push(await primaryKeys());
      return ctx.emptyLibrary;
    };
    await db().scene.deleteMany();
    const empty = await withSceneBulkLoad(ctx, during, async () => {
      expect(ctx.emptyLibrary).toBeNull();
    });
    expect(empty.intoEmptyLibrary).toBe(true);
    expect(empty.value).toBeInstanceOf(EmptyLibraryLedger);
    expect(ctx.emptyLibrary).toBeNull();
    // Without their primary keys (PostgreSQL's) until an id repeats.
    expect(keys).toEqual([0, keyCount()]);
    expect(await primaryKeys()).toBe(keyCount());

    await createScene(db());
    const filled = await withSceneBulkLoad(ctx, during, async () => {});
    expect(filled).toEqual({ value: null, intoEmptyLibrary: false });
  });
});
