import { describe, expect, it } from "vitest";
import { StashClient } from "../../server/stash/client";
import { withStashSim } from "../helpers/stash-sim";

const KEY = "s3cret-api-key-0123456789";
const WRONG = "wrong-key-9876543210";

describe("a Stash with a login (API key required)", () => {
  const sim = withStashSim({ scenes: 10, apiKey: KEY });

  it("answers when the ApiKey header carries the key", async () => {
    const client = new StashClient({ url: sim.url, apiKey: KEY });
    expect((await client.stats()).sceneCount).toBe(10);
    expect(sim.requests().at(-1)).toMatchObject({ apiKeySent: true, status: 200 });
  });

  it("says the key was rejected, without repeating it, when the key is wrong", async () => {
    const client = new StashClient({ url: sim.url, apiKey: WRONG });
    const error = await client.stats().catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "STASH_UNAUTHORIZED",
      message: expect.stringMatching(/rejected the API key/),
    });
    expect(
      JSON.stringify({ ...(error as object), message: (error as Error).message }),
    ).not.toContain(WRONG);
  });

  it("says a key is needed when none is configured", async () => {
    const client = new StashClient({ url: sim.url });
    await expect(client.stats()).rejects.toMatchObject({
      code: "STASH_UNAUTHORIZED",
      message: expect.stringMatching(/requires an API key/),
    });
  });

  it("does not retry a 401: the answer will not change", async () => {
    sim.clearRequests();
    const client = new StashClient({
      url: sim.url,
      apiKey: WRONG,
      retries: 3,
      retryBaseDelayMs: 1,
    });
    await expect(client.stats()).rejects.toMatchObject({ code: "STASH_UNAUTHORIZED" });
    expect(sim.requests()).toHaveLength(1);
  });

  it("notices a key changed in Stash while it runs", async () => {
    const client = new StashClient({ url: sim.url, apiKey: KEY });
    await client.stats();
    sim.setApiKey("a-freshly-generated-key");
    await expect(client.stats()).rejects.toMatchObject({ code: "STASH_UNAUTHORIZED" });
  });
});

describe("a Stash without a login", () => {
  const sim = withStashSim({ scenes: 10 });

  it("sends no ApiKey header at all when the key is empty", async () => {
    const client = new StashClient({ url: sim.url, apiKey: "  " });
    await client.stats();
    expect(sim.requests().at(-1)).toMatchObject({ apiKeySent: false, status: 200 });
  });

  it("refuses any key, so a leftover key is reported as rejected", async () => {
    const client = new StashClient({ url: sim.url, apiKey: WRONG });
    const error = (await client.version().catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: "STASH_UNAUTHORIZED" });
    expect(error.message).toMatch(/leave it empty if Stash has no login/);
    expect(error.message).not.toContain(WRONG);
  });
});
