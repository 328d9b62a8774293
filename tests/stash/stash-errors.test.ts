import { describe, expect, it } from "vitest";
import { StashClient } from "../../server/stash/client";
import { withStashSim } from "../helpers/stash-sim";

describe("what Stash answers when it cannot answer", () => {
  const sim = withStashSim({ scenes: 40, seed: 4 });

  it("returns null for a scene id Stash does not know", async () => {
    const client = new StashClient({ url: sim.url });
    expect(await client.findScene("999")).toBeNull();
    expect(await client.findScene("12")).toMatchObject({ ok: true, id: "12" });
  });

  it("reports a resolver error (HTTP 200 with errors) with Stash's own message", async () => {
    const client = new StashClient({ url: sim.url });
    await expect(client.findScene("not-a-number")).rejects.toMatchObject({
      code: "STASH_BAD_RESPONSE",
      message: expect.stringContaining('parsing "not-a-number": invalid syntax'),
    });
  });

  it("reports a resolver error in a page the sync reads unparsed with Stash's own message", async () => {
    const client = new StashClient({ url: sim.url });
    await expect(
      client.findScenePage({ page: 1, perPage: 10, ids: ["not-a-number"] }),
    ).rejects.toMatchObject({
      code: "STASH_BAD_RESPONSE",
      message: expect.stringContaining('parsing "not-a-number": invalid syntax'),
    });
  });

  it("falls back to one request per id when findScenes(ids:) fails for an unknown id", async () => {
    const client = new StashClient({ url: sim.url, perPage: 100 });
    await client.dialect();
    sim.removeScene(8);
    sim.clearRequests();
    const result = await client.findScenesByIds(["3", "8", "21", "3"]);
    expect(result.found.map((i) => i.id)).toEqual(["3", "21"]);
    expect(result.missing).toEqual(["8"]);
    // One batch that Stash refused as a whole, then each id on its own.
    expect(sim.requests().map((r) => r.operationName)).toEqual([
      "StashSyncFindScenePage",
      "StashSyncFindScene",
      "StashSyncFindScene",
      "StashSyncFindScene",
    ]);
  });

  it("reads known ids in one batch", async () => {
    const client = new StashClient({ url: sim.url, perPage: 100 });
    await client.dialect();
    sim.clearRequests();
    const result = await client.findScenesByIds(["1", "2", "30"]);
    expect(result).toMatchObject({ missing: [] });
    expect(result.found.map((i) => i.id)).toEqual(["1", "2", "30"]);
    expect(sim.requests()).toHaveLength(1);
  });

  it("suggests the /graphql endpoint when the URL points elsewhere on the server", async () => {
    const client = new StashClient({ url: sim.url.replace(/\/graphql$/, "/"), retries: 0 });
    await expect(client.version()).rejects.toMatchObject({
      code: "STASH_BAD_RESPONSE",
      message: expect.stringMatching(/HTTP 404 .*not GraphQL JSON.*\/graphql/),
    });
  });

  it("checks compatibility and returns Stash's version", async () => {
    const client = new StashClient({ url: sim.url });
    expect(await client.checkCompatibility()).toMatchObject({ version: "v0.30.1" });
  });
});

describe("an older Stash without fields stash-sync reads", () => {
  const old = withStashSim({
    scenes: 5,
    removeFields: ["Scene.urls", "Query.findScenes.ids"],
    version: { version: "v0.24.3" },
  });

  it("is reported as incompatible, naming what is missing and the Stash version", async () => {
    const client = new StashClient({ url: old.url });
    const error = (await client.checkCompatibility().catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: "STASH_INCOMPATIBLE" });
    expect(error.message).toContain("v0.24.3");
    expect(error.message).toContain("Scene.urls");
    expect(error.message).toContain("findScenes(ids:)");
    expect(error.message).toContain("supports Stash v0.25 and later");
  });

  it("refuses a query with an unknown field with HTTP 422, and the client says so", async () => {
    const client = new StashClient({ url: old.url, retries: 3, retryBaseDelayMs: 1 });
    await client.dialect();
    old.clearRequests();
    await expect(client.findScenes({ page: 1, perPage: 100 })).rejects.toMatchObject({
      code: "STASH_BAD_RESPONSE",
      message: expect.stringMatching(/HTTP 422.*Cannot query field "urls" on type "Scene"/),
    });
    // A refused query is not retried.
    expect(old.requests()).toHaveLength(1);
    expect(old.requests()[0]?.status).toBe(422);
  });
});
