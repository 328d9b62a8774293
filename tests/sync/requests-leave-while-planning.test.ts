import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { control, startSimProcess } from "../../bench/sim-process";
import { db } from "../../server/db/client";
import { StashClient } from "../../server/stash/client";
import { pageThrough } from "../../server/sync/run/page-through";
import { PageWindow } from "../../server/sync/run/page-window";
import { prepareScenePage } from "../../server/sync/write/write-scene-page";
import { pageRunContext } from "../helpers/sync-run";

/**
 * Planning a page is long synchronous work on the main thread, and fetch() writes a request
 * only once the event loop turns. The simulator runs in its own process here, as Stash does,
 * so it takes a request while this thread is busy, and answers none sooner than its latency.
 */
const latencyMs = 600;
const planningMs = 1_000;
let sim: { child: ChildProcess; port: number };

beforeAll(async () => {
  sim = await startSimProcess(["--scenes", "300"]);
  await control(sim.port, { action: "setLatency", ms: latencyMs });
}, 60_000);
afterAll(() => {
  sim?.child.kill();
});

describe("the page pipeline against a Stash in another process", () => {
  it("sends the request that taking a page asked for before it plans that page", async () => {
    const client = new StashClient({
      url: `http://127.0.0.1:${sim.port}/graphql`,
      perPage: 100,
      maxInFlight: 1,
    });
    const ctx = await pageRunContext(client, "full");
    const answeredAt = new Map<number, number>();
    const window = new PageWindow(
      async (page) => {
        const answer = await client.findScenePage({
          page,
          perPage: 100,
          sort: "id",
          direction: "ASC",
        });
        answeredAt.set(page, Date.now());
        return answer;
      },
      1,
      100,
      300,
    );
    const planningEnds: number[] = [];
    const result = await pageThrough(ctx, "scenes", window, (items) => {
      const start = Date.now();
      while (Date.now() - start < planningMs) {
        // Planning a large page: this thread does nothing else meanwhile.
      }
      planningEnds.push(Date.now());
      return prepareScenePage(ctx, items);
    });

    expect(result.seen.size).toBe(300);
    expect(await db().scene.count()).toBe(300);
    // Page 2 was asked for when page 1 was taken, just before page 1's planning. Stash answers
    // no sooner than its latency after a request reaches it (a timer may fire a few ms early),
    // so an answer seen well within that after the planning ended was sent before it began.
    for (const page of [2, 3]) {
      const planningEnd = planningEnds[page - 2]!;
      expect(answeredAt.get(page)! - planningEnd).toBeLessThan(latencyMs / 2);
    }
  }, 60_000);
});
