import { describe, expect, it } from "vitest";
import { StashClient } from "../../server/stash/client";
import { withStashSim } from "../helpers/stash-sim";

const sim = withStashSim({ scenes: 30, seed: 5 });

describe("a malformed record in a page", () => {
  it("becomes one failed item with its id and the reason; the rest of the page survives", async () => {
    sim.corruptScene(7, "bad-date");
    const client = new StashClient({ url: sim.url });
    const page = await client.findScenes({ page: 1, perPage: 100 });
    const failed = page.items.filter((i) => !i.ok);
    expect(failed).toEqual([{ ok: false, id: "7", error: expect.stringContaining("date") }]);
    expect(page.items.filter((i) => i.ok)).toHaveLength(29);
    sim.corruptScene(7, null);
  });

  it.each([
    ["negative-size", "files[0].size"],
    ["size-as-text", "files[0].size"],
    ["bad-rating", "rating100"],
    ["bad-created-at", "created_at"],
  ] as const)("isolates a scene with %s and names the field %s", async (corruption, field) => {
    sim.corruptScene(11, corruption);
    const client = new StashClient({ url: sim.url });
    const item = await client.findScene("11");
    expect(item).toMatchObject({ ok: false, id: "11", error: expect.stringContaining(field) });
    sim.corruptScene(11, null);
    expect(await client.findScene("11")).toMatchObject({ ok: true });
  });

  it("accepts Stash's partial dates: a year, or a year and month", async () => {
    sim.updateScene(3, { date: "2019" });
    sim.updateScene(4, { date: "2019-07" });
    const client = new StashClient({ url: sim.url });
    expect(await client.findScene("3")).toMatchObject({ ok: true, value: { date: "2019" } });
    expect(await client.findScene("4")).toMatchObject({ ok: true, value: { date: "2019-07" } });
  });
});
