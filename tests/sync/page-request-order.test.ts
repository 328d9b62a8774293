import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { StashClient } from "../../server/stash/client";
import type { Paged } from "../../server/stash/types";
import { PageBudget, PageWindow } from "../../server/sync/run/page-window";
import { withStashSim } from "../helpers/stash-sim";
import { syncNow } from "../helpers/sync-run";

// Five pages of performers at 100 a page: more than the three requests a run keeps asked.
const sim = withStashSim({ scenes: 600, performers: 450, tags: 150, studios: 40, seed: 23 });

// A full sync writes its scenes first, so that a first sync builds their indexes while the
// other pages come in (full-sync.ts).
const typeOrder = ["Scene", "Performer", "Tag", "Studio"];

describe("the order a run asks for its pages", () => {
  it("asks every scene page before the first performer, tag and studio page, as they are written", async () => {
    // Long enough that the three first requests are still in flight together on a busy machine.
    sim.setLatency(100);
    // The order the run asks in, seen where it sends: requests sent in the same instant on two
    // connections can reach the server in either order.
    const sent: string[] = [];
    const send = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      sent.push(String(init?.body ?? ""));
      return send(input, init);
    };
    const run = await syncNow(sim, { type: "full" }, { pageConcurrency: 3, perPage: 100 }).finally(
      () => (globalThis.fetch = send),
    );
    expect(run.status).toBe("completed");
    expect(await db().performer.count()).toBe(450);
    expect(await db().scene.count()).toBe(600);

    const asked = sent
      .map((body) => (JSON.parse(body) as { operationName?: string }).operationName ?? "")
      .map((name) => /^StashSyncFind(\w+)Page$/.exec(name)?.[1])
      .filter((type): type is string => type !== undefined);
    expect(asked.filter((type) => type === "Performer")).toHaveLength(5);
    expect(asked.filter((type) => type === "Scene")).toHaveLength(6);
    // Never a page of a type written later before one written earlier.
    const ranks = asked.map((type) => typeOrder.indexOf(type));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(sim.status().peakInFlight).toBe(3);
  });
});

describe("a run's page budget", () => {
  it("goes to the next type's window when a type's count shrank and its last pages were never taken", async () => {
    const client = new StashClient({ url: sim.url, perPage: 100 });
    const budget = new PageBudget(8);
    const asked = { performer: 0, scene: 0 };
    // A count from before 450 performers were deleted: 9 pages expected, 5 served.
    const performers = new PageWindow(
      (page) => {
        asked.performer++;
        return client.findPerformers({ page, perPage: 100, sort: "id", direction: "ASC" });
      },
      budget,
      100,
      900,
    );
    const scenes = new PageWindow(
      (page) => {
        asked.scene++;
        return client.findScenePage({ page, perPage: 100, sort: "id", direction: "ASC" });
      },
      budget,
      100,
      600,
    );
    performers.start();
    scenes.start();
    expect(asked).toEqual({ performer: 8, scene: 0 });
    for (let page = 1; page <= 5; page++) await performers.take(page);
    expect(asked.scene).toBe(5);
    performers.close();
    // The three pages past the end held their share until the window was done with.
    expect(asked.scene).toBe(6);
  });

  it("asks Stash for nothing more once its run is over, as answers still on their way come in", async () => {
    const asked: number[] = [];
    const answers: (() => void)[] = [];
    const budget = new PageBudget(2);
    const pages = new PageWindow(
      (page) => {
        asked.push(page);
        return new Promise<Paged<never>>((resolve) =>
          answers.push(() => resolve({ count: 1000, items: [] })),
        );
      },
      budget,
      100,
      1000,
    ).start();
    expect(asked).toEqual([1, 2]);
    // A cancelled run stops waiting for the page it took (unlessCancelled) and ends.
    const abandoned = pages.take(1);
    budget.close();
    for (const answer of answers) answer();
    await abandoned;
    expect(asked).toEqual([1, 2]);
  });

  it("aborts the requests of its windows' pages once its run is over, not before", async () => {
    const budget = new PageBudget(4);
    const signals: AbortSignal[] = [];
    const window = () =>
      new PageWindow<never>(
        (_page, signal) => {
          signals.push(signal);
          return new Promise(() => {});
        },
        budget,
        100,
        200,
      ).start();
    window();
    window();
    expect(signals).toHaveLength(4);
    expect(signals.some((signal) => signal.aborted)).toBe(false);
    budget.close();
    expect(signals.every((signal) => signal.aborted)).toBe(true);
  });
});
