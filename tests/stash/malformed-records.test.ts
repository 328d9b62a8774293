import { describe, expect, it } from "vitest";
import { StashClient } from "../../server/stash/client";
import { withStashSim } from "../helpers/stash-sim";

const sim = withStashSim({ scenes: 30, seed: 5 });
const firstPage = { page: 1, perPage: 100 };

describe("a malformed record in a page", () => {
  it.each([
    ["parsed whole", (c: StashClient) => c.findScenes(firstPage).then((p) => p.items)],
    [
      "as the sync reads it",
      (c: StashClient) => c.findScenePage(firstPage).then((p) => p.items.map((r) => r.read())),
    ],
  ] as const)(
    "becomes one failed item with its id and the reason; the rest of the page survives (%s)",
    async (_, readPage) => {
      sim.corruptScene(7, "bad-date");
      const items = await readPage(new StashClient({ url: sim.url }));
      const failed = items.filter((i) => !i.ok);
      expect(failed).toEqual([{ ok: false, id: "7", error: expect.stringContaining("date") }]);
      expect(items.filter((i) => i.ok)).toHaveLength(29);
      sim.corruptScene(7, null);
    },
  );

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
