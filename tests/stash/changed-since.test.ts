import { describe, expect, it } from "vitest";
import { StashClient } from "../../server/stash/client";
import { withStashSim } from "../helpers/stash-sim";

// Stash writes timestamps in its server's local zone and compares the filter value as text.
const sim = withStashSim({ scenes: 120, seed: 3, tz: "+02:00" });

describe("asking Stash what changed since a timestamp", () => {
  it("returns Stash's newest updated_at verbatim, in Stash's own zone", async () => {
    const client = new StashClient({ url: sim.url });
    sim.updateScene(17, { title: "The newest edit" });
    const latest = await client.latestUpdatedAt("scene");
    expect(latest).toBe(sim.scene(17)!.updated_at);
    expect(latest).toMatch(/\+02:00$/);
  });

  it("finds exactly the scenes edited after a value Stash returned", async () => {
    const client = new StashClient({ url: sim.url });
    const watermark = await client.latestUpdatedAt("scene");
    sim.updateScene(5, { rating100: 80 });
    sim.updateScene(9, { organized: true });

    const page = await client.findScenes({ page: 1, perPage: 100, updatedAfter: watermark! });
    expect(page.items.map((i) => i.id).sort()).toEqual(["5", "9"]);
    const sent = sim.requests().at(-1)?.variables as { entityFilter?: unknown };
    expect(sent.entityFilter).toEqual({
      updated_at: { value: watermark, modifier: "GREATER_THAN" },
    });
  });

  it("compares as text: the same instant written in UTC misses what changed", async () => {
    const client = new StashClient({ url: sim.url });
    const watermark = (await client.latestUpdatedAt("scene"))!;
    sim.advanceClock(60 * 60 * 1000);
    sim.updateScene(30, { title: "An hour later" });

    // The same instant as the watermark, computed in UTC: textually two hours "earlier"…
    const utc = new Date(watermark).toISOString().replace(/\.\d{3}Z$/, "Z");
    const withStashString = await client.findScenes({
      page: 1,
      perPage: 100,
      updatedAfter: watermark,
    });
    const withUtcString = await client.findScenes({ page: 1, perPage: 100, updatedAfter: utc });
    expect(withStashString.items.map((i) => i.id)).toEqual(["30"]);
    // …so Stash returns far more than what changed. Only Stash's own strings compare right.
    expect(withUtcString.count).toBeGreaterThan(withStashString.count);
  });

  it("asks performers, tags and studios with their own filter argument", async () => {
    const client = new StashClient({ url: sim.url });
    const since = (await client.latestUpdatedAt("tag"))!;
    sim.updateTag(3, { name: "renamed tag" });
    const tags = await client.findTags({ page: 1, perPage: 100, updatedAfter: since });
    expect(tags.items).toEqual([expect.objectContaining({ ok: true, id: "3" })]);
    const query = sim.requests().at(-1)?.query ?? "";
    expect(query).toContain("tag_filter: $entityFilter");
  });
});

describe("an empty Stash", () => {
  const empty = withStashSim({ scenes: 0, tags: 0 });

  it("has no newest update", async () => {
    const client = new StashClient({ url: empty.url });
    expect(await client.latestUpdatedAt("scene")).toBeNull();
    expect(await client.latestUpdatedAt("tag")).toBeNull();
  });
});
