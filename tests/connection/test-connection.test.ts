import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NOT_STASH_MESSAGE } from "../../server/connection/check-stash-connection";
import {
  readStashSettingsView,
  saveStashSettings,
  testStashSettings,
} from "../../server/connection/stash-settings";
import { withStashSim } from "../helpers/stash-sim";

const STASH_KEY = "the-saved-stash-key-123";
const sim = withStashSim({ scenes: 5, seed: 2, apiKey: STASH_KEY });

/** Somewhere that is not the saved Stash: records what it is sent, answers `status`. */
let status = 200;
const seen: IncomingHttpHeaders[] = [];
let elsewhere: Server;
let elsewhereUrl: string;
let closedUrl: string;
beforeAll(async () => {
  elsewhere = createServer((request, response) => {
    seen.push(request.headers);
    request.resume().on("end", () => {
      response.writeHead(status, { "content-type": "text/plain" });
      response.end("hello");
    });
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/graphql`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/graphql`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});
afterAll(() => new Promise<void>((resolve) => elsewhere.close(() => resolve())));
beforeEach(async () => {
  await saveStashSettings({ url: sim.url, apiKey: STASH_KEY });
  seen.length = 0;
  status = 200;
});

describe('"Test connection" with a saved Stash and its key', () => {
  it("sends the saved key to the saved address, and only there", async () => {
    expect(await testStashSettings({ url: sim.url })).toMatchObject({ state: "reachable" });

    await testStashSettings({ url: elsewhereUrl });

    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((headers) => headers.apikey === undefined)).toBe(true);
    expect(JSON.stringify(seen)).not.toContain(STASH_KEY);
  });

  it("sends another address only the key typed with it", async () => {
    await testStashSettings({ url: elsewhereUrl, apiKey: "typed-with-it" });

    // The check asks two things at once, so a request of the test before may still arrive
    // here, keyless; every request of this test carries the typed key, and only that one.
    const keyed = seen.filter((headers) => headers.apikey !== undefined);
    expect(keyed.length).toBeGreaterThan(0);
    expect(keyed.every((headers) => headers.apikey === "typed-with-it")).toBe(true);
    expect(JSON.stringify(seen)).not.toContain(STASH_KEY);
  });

  it("says no more about another address than that no Stash answered there", async () => {
    const answers = [];
    for (const [url, code] of [
      [closedUrl, 200],
      [elsewhereUrl, 401],
      [elsewhereUrl, 400],
      [elsewhereUrl, 422],
      [elsewhereUrl, 200],
      [elsewhereUrl, 503],
    ] as const) {
      status = code;
      answers.push(await testStashSettings({ url, apiKey: "typed" }));
    }

    for (const answer of answers) {
      expect(answer).toEqual({
        state: "error",
        url: expect.any(String),
        code: "NOT_STASH",
        message: NOT_STASH_MESSAGE,
      });
    }
  });

  it("tells a person testing the saved Stash what is wrong", async () => {
    expect(await testStashSettings({ url: sim.url, apiKey: "a-wrong-key" })).toMatchObject({
      state: "error",
      code: "STASH_UNAUTHORIZED",
      message: expect.stringContaining("Stash rejected the API key"),
    });
  });
});

describe("saving a new address", () => {
  it("removes the saved key unless a key is typed with it", async () => {
    expect((await saveStashSettings({ url: elsewhereUrl })).hasApiKey).toBe(false);

    await saveStashSettings({ url: sim.url, apiKey: STASH_KEY });
    expect((await saveStashSettings({ url: elsewhereUrl, apiKey: "its-own" })).hasApiKey).toBe(
      true,
    );
  });

  it("keeps the key when the address stays the same, however it is spelled", async () => {
    const respelled = sim.url.replace("http://", "HTTP://");
    expect(respelled).not.toBe(sim.url);
    await saveStashSettings({ url: respelled });

    expect((await readStashSettingsView()).hasApiKey).toBe(true);
  });
});
