import { describe, expect, it } from "vitest";
import { StashClient } from "../../server/stash/client";
import type { StashScene } from "../../server/stash/types";
import { withStashSim } from "../helpers/stash-sim";

const sim = withStashSim({ scenes: 230, seed: 2 });

function pageFilters() {
  return sim
    .requests()
    .filter((r) => r.operationName?.startsWith("StashSyncFind"))
    .map((r) => (r.variables as { filter?: Record<string, unknown> }).filter);
}

describe("paging through Stash", () => {
  it("always sends an explicit sort, direction, bounded per_page and 1-based page", async () => {
    sim.clearRequests();
    const client = new StashClient({ url: sim.url });
    await client.findScenes({ page: 1, perPage: 100 });
    await client.findPerformers({ page: 2, perPage: 100, sort: "updated_at", direction: "DESC" });
    expect(pageFilters()).toEqual([
      { page: 1, per_page: 100, sort: "id", direction: "ASC" },
      { page: 2, per_page: 100, sort: "updated_at", direction: "DESC" },
    ]);
  });

  it("covers every scene exactly once across pages, with the total from Stash's count", async () => {
    const client = new StashClient({ url: sim.url });
    const ids: string[] = [];
    let count = -1;
    for (let page = 1; ; page++) {
      const result = await client.findScenes({ page, perPage: 100 });
      count = result.count;
      ids.push(...result.items.map((i) => i.id ?? "?"));
      if (page * 100 >= result.count) break;
    }
    expect(count).toBe(230);
    expect(new Set(ids).size).toBe(230);
    expect(ids).toHaveLength(230);
  });

  it("maps Stash's fields to the sync engine's names", async () => {
    const client = new StashClient({ url: sim.url });
    const { items } = await client.findScenes({ page: 1, perPage: 100 });
    const first = items[0];
    expect(first?.ok).toBe(true);
    const wire = sim.scene(Number(first!.id))!;
    const scene = (first as { value: StashScene }).value;
    expect(scene).toMatchObject({
      id: wire.id,
      title: wire.title,
      date: wire.date,
      rating100: wire.rating100,
      organized: wire.organized,
      oCounter: wire.o_counter ?? 0,
      createdAt: wire.created_at,
      updatedAt: wire.updated_at,
      studio: wire.studio && { id: wire.studio.id, name: wire.studio.name },
    });
    expect(scene.files[0]).toMatchObject({
      path: wire.files[0]!.path,
      size: wire.files[0]!.size,
      videoCodec: wire.files[0]!.video_codec,
      frameRate: wire.files[0]!.frame_rate,
      fingerprints: wire.files[0]!.fingerprints,
    });
    expect(scene.performers.map((p) => p.id)).toEqual(wire.performers.map((p) => p.id));
  });

  it("reads performers, tags and studios page by page too", async () => {
    const client = new StashClient({ url: sim.url });
    const stats = await client.stats();
    const performers = await client.findPerformers({ page: 1, perPage: 1000 });
    const tags = await client.findTags({ page: 1, perPage: 1000 });
    const studios = await client.findStudios({ page: 1, perPage: 1000 });
    expect(performers.count).toBe(stats.performerCount);
    expect(tags.items).toHaveLength(stats.tagCount);
    expect(studios.items.every((s) => s.ok)).toBe(true);
    const child = studios.items.find((s) => s.ok && s.value.parentId !== null);
    expect(child).toBeDefined();
  });

  it("refuses a page size Stash would silently change or unbound", async () => {
    const client = new StashClient({ url: sim.url });
    for (const perPage of [0, -1, 1001, 2.5]) {
      await expect(client.findScenes({ page: 1, perPage })).rejects.toMatchObject({
        code: "BAD_INPUT",
      });
    }
    await expect(client.findScenes({ page: 0, perPage: 100 })).rejects.toMatchObject({
      code: "BAD_INPUT",
    });
  });

  it("refuses client settings outside 100–1000 scenes per page", () => {
    expect(() => new StashClient({ url: sim.url, perPage: 50 })).toThrow(/perPage/);
    expect(() => new StashClient({ url: "ftp://stash" })).toThrow(/http/);
  });
});
