/**
 * A Stash as people put it on their network: behind a reverse proxy that serves it over https
 * with a self-signed certificate, under a path prefix (https://host/stash/graphql).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { generate } from "selfsigned";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { stashSceneUrl } from "../../server/library/stash-web-url";
import { StashClient } from "../../server/stash/client";
import { startStashSim, type StashSim } from "../../stash-sim";

let sim: StashSim;
let proxy: Server;
let stashUrl: string;
let caFile: string;

beforeAll(async () => {
  sim = await startStashSim({ scenes: 30, seed: 21 });
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    notAfterDate: new Date(Date.now() + 2 * 86_400_000),
    extensions: [
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  caFile = path.join(mkdtempSync(path.join(tmpdir(), "stash-tls-")), "stash.pem");
  writeFileSync(caFile, pems.cert);
  const upstream = new URL(sim.url);
  // The proxy strips its prefix, as nginx's `location /stash/ { proxy_pass …/; }` does.
  proxy = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    if (!req.url?.startsWith("/stash/")) {
      res.writeHead(404).end();
      return;
    }
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url.slice("/stash".length),
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  stashUrl = `https://localhost:${(proxy.address() as AddressInfo).port}/stash/graphql`;
});
afterAll(async () => {
  await new Promise((resolve) => proxy.close(resolve));
  await sim.close();
});

describe("a Stash behind https with a self-signed certificate, under a path prefix", () => {
  it("is refused with words that say how to trust its certificate, without retrying", async () => {
    sim.clearRequests();
    const client = new StashClient({ url: stashUrl, retries: 3, retryBaseDelayMs: 1 });
    await expect(client.checkCompatibility()).rejects.toMatchObject({
      code: "STASH_UNREACHABLE",
      message: expect.stringMatching(/self-signed.*NODE_EXTRA_CA_CERTS/),
    });
    expect(sim.requests()).toHaveLength(0);
  });

  it("syncs from the CLI once its certificate is trusted with NODE_EXTRA_CA_CERTS", async () => {
    await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/sync-cli.ts", "full"],
      { env: { ...process.env, STASH_URL: stashUrl, NODE_EXTRA_CA_CERTS: caFile } },
    );
    expect(await db().scene.count()).toBe(30);
    const run = await db().syncHistory.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(run.status).toBe("completed");
  });

  it("links scenes to Stash's own pages under the same prefix", () => {
    expect(stashSceneUrl(stashUrl, "12")).toBe(stashUrl.replace(/graphql$/, "scenes/12"));
    expect(stashSceneUrl("https://nas.lan/apps/stash/graphql/", "7")).toBe(
      "https://nas.lan/apps/stash/scenes/7",
    );
  });
});
