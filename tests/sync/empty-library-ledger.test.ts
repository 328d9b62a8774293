import { describe, expect, it, onTestFinished, vi } from "vitest";
import { db } from "../../server/db/client";
import { logger } from "../../server/logger";
import { StashClient } from "../../server/stash/client";
import type { StashRecordPage, StashScene } from "../../server/stash/types";
import { EmptyLibraryLedger } from "../../server/sync/write/empty-library-ledger";
import { withSceneBulkLoad } from "../../server/sync/run/bulk-load";
import { createScene } from "../factories/library";
import { recordOf } from "../helpers/scene-record";
import { withStashSim } from "../helpers/stash-sim";
import { pageRunContext, readScenePages, throughScenePages } from "../helpers/sync-run";

const sim = withStashSim({ scenes: 300, seed: 7 });

/**
 * A first sync into an empty library looks up only the scenes and files its earlier pages
 * planned: any other is not stored. A page that repeats what an earlier page planned is
 * looked up as usual, so it is written in one transaction, not failed and retried.
 */
describe("the empty library's ledger", () => {
  it("says whether a page's ids are all planned for the first time, and remembers them", () => {
    const ledger = new EmptyLibraryLedger();
    expect(ledger.firstPlanned("scene", ["1", "2"])).toBe(true);
    expect(ledger.firstPlanned("scene", ["3", "2"])).toBe(false);
    // The ids of a page that repeated one are remembered too.
    expect(ledger.firstPlanned("scene", ["3"])).toBe(false);
    // Files and scenes apart: a file may share a scene's id.
    expect(ledger.firstPlanned("file", ["1", "4"])).toBe(true);
    expect(ledger.firstPlanned("file", ["4", "4"])).toBe(false);
    expect(ledger.firstPlanned("scene", [])).toBe(true);
  });

  it("writes pages that repeat a scene or a file of an earlier page, each in one transaction", async () => {
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
    ctx.emptyLibrary = new EmptyLibraryLedger();
    const result = await throughScenePages(ctx, served);

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
    const during = async () => ctx.emptyLibrary;
    await db().scene.deleteMany();
    const empty = await withSceneBulkLoad(ctx, during, async () => {
      expect(ctx.emptyLibrary).toBeNull();
    });
    expect(empty.intoEmptyLibrary).toBe(true);
    expect(empty.value).toBeInstanceOf(EmptyLibraryLedger);
    expect(ctx.emptyLibrary).toBeNull();

    await createScene(db());
    const filled = await withSceneBulkLoad(ctx, during, async () => {});
    expect(filled).toEqual({ value: null, intoEmptyLibrary: false });
  });
});
