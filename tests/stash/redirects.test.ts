import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StashClient } from "../../server/stash/client";

const KEY = "secret-api-key-1234";
let target: Server;
let redirecting: Server;
const seenAtTarget: IncomingHttpHeaders[] = [];

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  target = createServer((req, res) => {
    seenAtTarget.push(req.headers);
    res.writeHead(200, { "content-type": "application/json" }).end('{"data":{}}');
  });
  const targetUrl = await listen(target);
  redirecting = createServer((_req, res) => {
    res.writeHead(307, { location: `${targetUrl}/graphql` }).end();
  });
  await listen(redirecting);
});
afterAll(async () => {
  await new Promise((resolve) => target.close(resolve));
  await new Promise((resolve) => redirecting.close(resolve));
});

describe("a Stash address that redirects", () => {
  it("is not followed, so the API key never reaches the redirect's target, and says why", async () => {
    const url = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/graphql`;
    const client = new StashClient({ url, apiKey: KEY, retries: 2, retryBaseDelayMs: 1 });
    const error = (await client.stats().catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: "STASH_BAD_RESPONSE" });
    expect(error.message).toMatch(/redirect \(HTTP 307\)/);
    expect(error.message).not.toContain(KEY);
    expect(seenAtTarget).toEqual([]);
  });
});
