import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { StashClient } from "../../server/stash/client";
import { withStashSim } from "../helpers/stash-sim";

const KEY = "network-test-key-42";
const sim = withStashSim({ scenes: 20, seed: 6, apiKey: KEY });
const quick = { retryBaseDelayMs: 5, apiKey: KEY };

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 1;
}

describe("when the network or Stash fails", () => {
  it("retries HTTP 500s with backoff and succeeds when Stash recovers", async () => {
    sim.failNext(2, 500);
    sim.clearRequests();
    const client = new StashClient({ url: sim.url, retries: 3, ...quick });
    expect((await client.stats()).sceneCount).toBe(20);
    expect(sim.requests().map((r) => r.outcome)).toEqual(["http-error", "http-error", "served"]);
  });

  it("retries a page of scenes as the sync reads it like any other request", async () => {
    const client = new StashClient({ url: sim.url, retries: 3, ...quick });
    // The client reads the server's schema once, before its first page.
    await client.dialect();
    sim.failNext(2, 503);
    sim.clearRequests();
    const page = await client.findScenePage({ page: 1, perPage: 100 });
    expect(page.items.map((r) => r.read().ok)).toEqual(Array(20).fill(true));
    expect(sim.requests().map((r) => r.outcome)).toEqual(["http-error", "http-error", "served"]);
  });

  it("gives up after its retries and says how often it tried", async () => {
    sim.failNext(10, 500);
    const client = new StashClient({ url: sim.url, retries: 2, ...quick });
    await expect(client.stats()).rejects.toMatchObject({
      code: "STASH_BAD_RESPONSE",
      message: expect.stringMatching(/HTTP 500.*gave up after 3 attempts/),
    });
  });

  it("retries a dropped connection", async () => {
    sim.dropNext(1);
    const client = new StashClient({ url: sim.url, retries: 1, ...quick });
    expect((await client.stats()).sceneCount).toBe(20);
  });

  it("times out a request Stash does not answer in time", async () => {
    sim.setLatency(500);
    const client = new StashClient({ url: sim.url, timeoutMs: 100, retries: 0, ...quick });
    await expect(client.stats()).rejects.toMatchObject({
      code: "STASH_UNREACHABLE",
      message: expect.stringContaining("did not answer within 0.1 s"),
    });
  });

  it("tries a request that timed out once more, not as often as a refused one", async () => {
    sim.setLatency(500);
    try {
      const client = new StashClient({ url: sim.url, timeoutMs: 100, retries: 3, ...quick });
      await expect(client.stats()).rejects.toMatchObject({
        code: "STASH_UNREACHABLE",
        message: expect.stringMatching(/did not answer within 0\.1 s \(gave up after 2 attempts\)/),
        details: expect.objectContaining({ attempts: 2, timedOut: true }),
      });
    } finally {
      sim.setLatency(0);
    }
  });

  it("names the URL when nothing listens there, and never the API key", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/graphql`;
    const client = new StashClient({ url, retries: 1, ...quick });
    const error = (await client.stats().catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: "STASH_UNREACHABLE" });
    expect(error.message).toContain(`Cannot reach Stash at ${url}: connection refused`);
    expect(error.message).not.toContain(KEY);
  });

  it("keeps a query string of the URL out of messages", async () => {
    const port = await closedPort();
    const client = new StashClient({
      url: `http://127.0.0.1:${port}/graphql?apikey=${KEY}`,
      retries: 0,
    });
    const error = (await client.stats().catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(`http://127.0.0.1:${port}/graphql:`);
    expect(error.message).not.toContain(KEY);
  });

  it("refuses a URL with a user name and password: Stash uses the API key", () => {
    expect(() => new StashClient({ url: "http://admin:hunter2@127.0.0.1:9999/graphql" })).toThrow(
      expect.objectContaining({
        code: "CONFIG_INVALID",
        message: expect.not.stringContaining("hunter2"),
      }),
    );
  });

  it("rides out Stash going away mid-run when it comes back within the retries", async () => {
    const client = new StashClient({ url: sim.url, retries: 5, retryBaseDelayMs: 50, apiKey: KEY });
    await client.findScenes({ page: 1, perPage: 100 });
    await sim.goAway();
    setTimeout(() => void sim.comeBack(), 150);
    expect((await client.findScenes({ page: 1, perPage: 100 })).count).toBe(20);
  });
});
