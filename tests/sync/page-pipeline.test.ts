import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { StashClient } from "../../server/stash/client";
import type { StashRecordPage, StashScene } from "../../server/stash/types";
import { withStashSim } from "../helpers/stash-sim";
import { pageRunContext, readScenePages, throughScenePages } from "../helpers/sync-run";

const sim = withStashSim({ scenes: 300, seed: 5 });

/**
 * A page is planned while the previous one commits on the writer's thread. A scene served on
 * both (a page boundary that moved in Stash mid-run) must be planned from the first page's
 * committed result: created once, then skipped, never created twice.
 */
describe("the page pipeline", () => {
  it("plans a scene that the page still being committed also holds after that commit", async () => {
    const client = new StashClient({ url: sim.url, perPage: 100 });
    const pages = await readScenePages(client, 3);
    const repeated = pages[0]!.items.at(-1)!;
    const served: StashRecordPage<StashScene>[] = [
      pages[0]!,
      { ...pages[1]!, items: [repeated, ...pages[1]!.items] },
      pages[2]!,
    ];

    const ctx = await pageRunContext(client, "incremental");
    const result = await throughScenePages(ctx, served);

    expect(result.seen.size).toBe(300);
    expect(await db().scene.count()).toBe(300);
    const logged = await db().syncLog.findMany({
      where: { syncHistoryId: ctx.runId, entityId: repeated.id! },
      orderBy: { id: "asc" },
    });
    expect(logged.map((row) => row.changeType)).toEqual(["created", "skipped"]);
    expect(ctx.tally).toMatchObject({ created: 300, skipped: 1, failed: 0 });
  });
});
