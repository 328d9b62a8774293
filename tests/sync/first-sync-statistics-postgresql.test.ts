import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowReader } from "../../server/db/row-reader";
import { startStashSim, type StashSim } from "../../stash-sim";
import { syncNow } from "../helpers/sync-run";

/**
 * What the planner knows right after a first sync (run by the PostgreSQL pass only). Until
 * autovacuum analyzes the tables, a minute or so later, it guesses every condition's share
 * from the table's size: it took 500 of 100,000 scenes to be in Stash and hashed whole tables
 * where an analysis plan wanted 500 index probes a batch (docs/decisions.md).
 */
let sim: StashSim;
beforeAll(async () => {
  sim = await startStashSim({ scenes: 2_000, seed: 3 });
}, 60_000);
afterAll(() => sim.close());

/** The planner's row estimate of `SELECT * FROM … WHERE condition`. */
async function estimate(from: string, params: unknown[] = []): Promise<number> {
  const [row] = await rowReader().all<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>({
    sql: `EXPLAIN (FORMAT JSON) SELECT * FROM ${from}`,
    params: params as never[],
  });
  return row!["QUERY PLAN"][0].Plan["Plan Rows"];
}

describe("a first sync on PostgreSQL", () => {
  it("leaves the planner the statistics of the scene tables it filled", async () => {
    expect((await syncNow(sim, { type: "full" })).status).toBe("completed");
    const scenes = sim.status().scenes;

    expect(await estimate(`"scene" WHERE "removed_at" IS NULL`)).toBe(scenes);
    const ids = Array.from({ length: 100 }, (_, i) => String(i + 1));
    const [{ links }] = (await rowReader().all<{ links: string }>({
      sql: `SELECT COUNT(*) AS "links" FROM "scene_tag" WHERE "scene_id" = ANY ($1::text[])`,
      params: [ids as never],
    })) as [{ links: string }];
    const guessed = await estimate(`"scene_tag" WHERE "scene_id" = ANY ($1::text[])`, [ids]);
    // Within a factor of two of the truth, where a blind guess takes every link of the table.
    expect(guessed).toBeGreaterThan(Number(links) / 2);
    expect(guessed).toBeLessThan(Number(links) * 2);
  });
});
