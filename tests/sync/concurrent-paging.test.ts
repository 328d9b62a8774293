import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { StashClient } from "../../server/stash/client";
import type { StashRecordPage, StashScene } from "../../server/stash/types";
import {
  defaultPageConcurrency,
  readPageConcurrency,
  savePageConcurrency,
} from "../../server/sync/page-concurrency";
import { pageThrough } from "../../server/sync/run/page-through";
import { PageWindow } from "../../server/sync/run/page-window";
import { prepareScenePage } from "../../server/sync/write/write-scene-page";
import { withStashSim } from "../helpers/stash-sim";
import { expectCountersMatchLogs, logRows, pageRunContext, syncNow } from "../helpers/sync-run";

const sim = withStashSim({ scenes: 1200, seed: 21 });

const sceneIdsOf = (rows: { entityType: string; entityId: string | null }[]) =>
  rows
    .filter((r) => r.entityType === "scene" && r.entityId !== null)
    .map((r) => Number(r.entityId));

/**
 * Pages of 100 from the simulator over HTTP, counting how many requests are in flight at once
 * and how many answers wait beyond the page in hand (pages handed to the writer so far).
 */
function countingPages(client: StashClient, delayOf: (page: number) => number = () => 0) {
  const stats = {
    asked: 0,
    answered: 0,
    written: 0,
    inFlight: 0,
    mostInFlight: 0,
    mostWaiting: 0,
    order: [] as number[],
  };
  const fetchPage = async (page: number): Promise<StashRecordPage<StashScene>> => {
    stats.asked++;
    stats.mostInFlight = Math.max(stats.mostInFlight, ++stats.inFlight);
    const answer = await client.findScenePage({ page, perPage: 100, sort: "id", direction: "ASC" });
    await new Promise((resolve) => setTimeout(resolve, delayOf(page)));
    stats.inFlight--;
    stats.answered++;
    return answer;
  };
  const written = () => {
    stats.written++;
    stats.mostWaiting = Math.max(stats.mostWaiting, stats.answered - stats.written);
  };
  return { stats, fetchPage, written };
}

describe("concurrent paging", () => {
  it("a full sync at 8 pages in flight stores what a sync at 1 stores, pages in order", async () => {
    sim.setLatency(20);
    const wide = await syncNow(sim, { type: "full" }, { pageConcurrency: 8 });
    expect(wide.status).toBe("completed");
    expect(await db().scene.count()).toBe(1200);
    const created = sceneIdsOf(
      (await logRows(wide.jobId)).filter((r) => r.changeType === "created"),
    );
    expect(created).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
    await expectCountersMatchLogs(wide.jobId);

    sim.updateScene(700, { title: "Edited between the syncs" });
    const narrow = await syncNow(sim, { type: "full" }, { pageConcurrency: 1 });
    expect(narrow).toMatchObject({ status: "completed", itemsUpdated: 1, itemsCreated: 0 });
    expect((await db().scene.findUniqueOrThrow({ where: { id: "700" } })).title).toBe(
      "Edited between the syncs",
    );
  });

  it("keeps the set number of page requests in flight, never more, and writes pages in order", async () => {
    sim.setLatency(30);
    const client = new StashClient({ url: sim.url, perPage: 100 });
    const ctx = await pageRunContext(client, "incremental");
    ctx.pageConcurrency = 4;
    // Earlier pages answer later than the ones after them, so answers arrive out of order.
    const { stats, fetchPage, written } = countingPages(client, (page) => (4 - (page % 4)) * 15);
    const pages = new PageWindow(fetchPage, ctx.pageConcurrency, ctx.perPage);
    const result = await pageThrough(ctx, "scenes", pages, async (items) => {
      written();
      stats.order.push(Number(items[0]!.id));
      // A slow writer: answers pile up, and must stop at 4 asked or waiting.
      await new Promise((resolve) => setTimeout(resolve, 40));
      return prepareScenePage(ctx, items);
    });

    expect(result.seen.size).toBe(1200);
    expect(stats.asked).toBe(12);
    expect(stats.mostInFlight).toBe(4);
    expect(stats.mostWaiting).toBeLessThanOrEqual(4);
    expect(stats.mostWaiting).toBeGreaterThan(0);
    expect(stats.order).toEqual(Array.from({ length: 12 }, (_, i) => 1 + i * 100));
    const logged = await db().syncLog.findMany({
      where: { syncHistoryId: ctx.runId },
      orderBy: { id: "asc" },
    });
    expect(sceneIdsOf(logged)).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
  });

  it("with 1 asks for one page at a time", async () => {
    const client = new StashClient({ url: sim.url, perPage: 100 });
    const ctx = await pageRunContext(client, "incremental");
    ctx.pageConcurrency = 1;
    const { stats, fetchPage, written } = countingPages(client);
    sim.clearRequests();
    const pages = new PageWindow(fetchPage, ctx.pageConcurrency, ctx.perPage);
    await pageThrough(ctx, "scenes", pages, async (items) => {
      written();
      return prepareScenePage(ctx, items);
    });
    expect(stats.mostInFlight).toBe(1);
    expect(stats.mostWaiting).toBeLessThanOrEqual(1);
    expect(sim.status().peakInFlight).toBe(1);
  });

  it("with the count known beforehand asks its pages before the first answer, and stops where Stash's pages end", async () => {
    sim.setLatency(30);
    const client = new StashClient({ url: sim.url, perPage: 100 });
    const ctx = await pageRunContext(client, "incremental");
    ctx.pageConcurrency = 3;
    const { stats, fetchPage, written } = countingPages(client);
    // A count from before scenes were deleted: two pages more than Stash now has.
    const pages = new PageWindow(fetchPage, ctx.pageConcurrency, ctx.perPage, 1400).start();
    expect(stats.asked).toBe(3);
    const result = await pageThrough(ctx, "scenes", pages, async (items) => {
      written();
      return prepareScenePage(ctx, items);
    });
    expect(result.seen.size).toBe(1200);
    expect(result.countChanged).toBe(false);
    expect(stats.mostInFlight).toBe(3);
    // The answers' count (1,200) ends the asking at page 12, whatever the first count said.
    expect(stats.asked).toBeLessThanOrEqual(12 + 3);
  });

  it("bounds every request of a whole run, not its pages alone: a fragile Stash set to 1 never sees two", async () => {
    sim.setLatency(10);
    sim.clearRequests();
    const one = await syncNow(sim, { type: "full" }, { pageConcurrency: 1, perPage: 100 });
    expect(one.status).toBe("completed");
    expect(sim.status().peakInFlight).toBe(1);

    sim.clearRequests();
    const three = await syncNow(sim, { type: "full" }, { pageConcurrency: 3, perPage: 100 });
    expect(three.status).toBe("completed");
    expect(sim.status().peakInFlight).toBe(3);
  });

  it("sends the watermark probe beside the compatibility check, before either answers", async () => {
    // A first run builds the queries' text, which would delay this run's first requests.
    await syncNow(sim, { type: "full" }, { pageConcurrency: 3, perPage: 1000 });
    sim.setLatency(100);
    sim.clearRequests();
    const run = await syncNow(sim, { type: "full" }, { pageConcurrency: 3, perPage: 1000 });
    expect(run.status).toBe("completed");
    const request = (name: RegExp) => sim.requests().find((r) => name.test(r.operationName ?? ""))!;
    const check = request(/^StashSyncCompatibility$/);
    // No answer came back between the three: they went out side by side.
    expect(request(/^StashSyncVersion$/).answeredBefore).toBe(check.answeredBefore);
    expect(request(/^StashSyncLatestUpdates$/).answeredBefore).toBe(check.answeredBefore);
    // The first page is asked once all three are answered, the probe's counts in hand.
    expect(request(/^StashSyncFind\w+Page$/).answeredBefore).toBe(check.answeredBefore + 3);
  });

  it("is a setting from 1 to 8, 3 unless saved", async () => {
    expect(defaultPageConcurrency).toBe(3);
    expect(await readPageConcurrency()).toBe(3);
    await expect(savePageConcurrency(0)).rejects.toThrow(/at least 1/);
    await expect(savePageConcurrency(9)).rejects.toThrow(/at most 8/);
    expect(await savePageConcurrency(1)).toBe(1);
    expect(await readPageConcurrency()).toBe(1);
    await savePageConcurrency(defaultPageConcurrency);
  });
});
