import { TEST_HOOK_TOKEN } from "../api/helpers/use-hook-token";
import { TEST_ACCESS_TOKEN } from "../api/helpers/use-access-token";
import { spawn } from "node:child_process";
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { saveStashConnection } from "../../server/settings/stash-connection";
import { startStashSim, type StashSim } from "../../stash-sim";
import { startAppServer, type AppServer } from "../api/helpers/start-app-server";
import { syncNow, waitFor } from "../helpers/sync-run";

const plugin = "stash-plugin/stash_sync_hook.py";

let sim: StashSim;
let app: AppServer;
beforeAll(async () => {
  sim = await startStashSim({ scenes: 60, seed: 31 });
  await saveStashConnection({ url: sim.url });
  app = await startAppServer();
  await syncNow(sim, { type: "full" });
});
afterAll(async () => {
  await app.close();
  await sim.close();
});

/** Settings as a person saves them in Stash → Settings → Plugins → stash-sync. */
function pluginSettings(settings: { url: string; token?: string }) {
  sim.setPluginSettings("stash-sync", settings);
}

/** The plugin as Stash runs it for one hook: its input as JSON on stdin, its answer on stdout. */
function runPlugin(type: string, id: number) {
  const input = {
    server_connection: {
      Scheme: "http",
      Host: "127.0.0.1",
      Port: sim.port,
      SessionCookie: { Name: "session", Value: "plugin-session", Path: "", Domain: "" },
      Dir: "/root/.stash",
      PluginDir: "/root/.stash/plugins/stash-sync",
    },
    args: {
      hookContext: {
        type,
        id,
        input: { id: String(id), title: "From Stash", clientMutationId: null },
        inputFields: ["id", "title"],
      },
    },
  };
  const child = spawn("python3", [plugin], { stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(JSON.stringify(input));
  return new Promise<{
    code: number | null;
    output: unknown;
    error: string | null;
    stderr: string;
  }>((resolve) =>
    // "close", not "exit": only then has all its output been read (exit can come first).
    child.on("close", (code) => {
      const parsed = JSON.parse(stdout || "{}") as { output?: unknown; error?: string | null };
      resolve({ code, output: parsed.output ?? null, error: parsed.error ?? null, stderr });
    }),
  );
}

const hookRuns = () => db().syncHistory.findMany({ where: { trigger: "stash_hook" } });

describe("stash-sync's Stash plugin", { timeout: 60_000 }, () => {
  it("turns a burst of scene hooks into one specific sync of those scenes", async () => {
    pluginSettings({ url: app.url, token: TEST_HOOK_TOKEN });
    for (const id of [3, 4, 5, 6, 7]) sim.updateScene(id, { title: `Bulk edit ${id}` });
    // A bulk edit: one hook per scene, close together (one of them twice).
    const results = await Promise.all(
      [3, 4, 5, 6, 7, 7].map((id) => runPlugin("Scene.Update.Post", id)),
    );
    for (const result of results) {
      expect(result).toMatchObject({ code: 0, error: null });
      expect(String(result.output)).toMatch(/stash-sync noted Scene.Update.Post \d+ \(HTTP 202\)/);
    }
    await waitFor(async () => (await hookRuns()).some((run) => run.status !== "running"));
    const [run, ...more] = await hookRuns();
    expect(more).toEqual([]);
    expect(run).toMatchObject({ syncType: "specific", status: "completed", itemsUpdated: 5 });
    expect(JSON.parse(run!.requestedIds!).sort()).toEqual(["3", "4", "5", "6", "7"]);
    expect((await db().scene.findUniqueOrThrow({ where: { id: "6" } })).title).toBe("Bulk edit 6");
  });

  it("marks a destroyed scene removed, with the access token too", async () => {
    pluginSettings({ url: app.url, token: TEST_ACCESS_TOKEN });
    sim.removeScene(9);
    const result = await runPlugin("Scene.Destroy.Post", 9);
    expect(result).toMatchObject({ code: 0, error: null });
    await waitFor(
      async () => (await db().scene.findUniqueOrThrow({ where: { id: "9" } })).removedAt !== null,
    );
    const log = await db().syncLog.findFirstOrThrow({
      where: { entityId: "9", syncHistory: { trigger: "stash_hook" } },
    });
    expect(log.changeType).toBe("updated");
    expect(JSON.parse(log.changedFields!)).toEqual({
      removed_from_stash: { from: false, to: true },
    });
  });

  it("a hook type stash-sync does not act on is refused, and nothing runs", async () => {
    pluginSettings({ url: app.url, token: TEST_HOOK_TOKEN });
    const before = await db().syncHistory.count();
    const result = await runPlugin("Gallery.Update.Post", 4);
    expect(result.code).toBe(0);
    expect(result.error).toMatch(/refused the hook \(HTTP 400\).*not a hook stash-sync acts on/);
    expect(await db().syncHistory.count()).toBe(before);
  });

  it("the hook token opens the hook route and nothing else", async () => {
    const asHook = { authorization: `Bearer ${TEST_HOOK_TOKEN}` };
    const refused = [
      await fetch(`${app.url}/api/trpc/sync.running`, {
        headers: asHook,
      }),
      await fetch(`${app.url}/api/scenes/4/sync-logs`, { headers: asHook }),
      await fetch(`${app.url}/api/scenes/4/restore`, {
        method: "POST",
        headers: { ...asHook, "content-type": "application/json" },
        body: JSON.stringify({ entryId: 1 }),
      }),
      await fetch(`${app.url}/api/export/scenes/4/history`, { headers: asHook }),
    ];
    for (const response of refused) {
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain(TEST_HOOK_TOKEN);
    }
    // A page redirects to the sign-in page, which the hook token cannot pass either.
    const page = await fetch(`${app.url}/scenes`, { headers: asHook, redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/login/);

    const runsBefore = (await hookRuns()).length;
    const hook = await fetch(`${app.url}/api/stash-hook`, {
      method: "POST",
      headers: { ...asHook, "content-type": "application/json" },
      body: JSON.stringify({ type: "Tag.Update.Post", id: 1 }),
    });
    expect(hook.status).toBe(202);
    // The hook's run starts after its quiet period: wait for it to start and end.
    await waitFor(async () => {
      const runs = await hookRuns();
      return runs.length > runsBefore && runs.every((run) => run.status !== "running");
    });
  });

  it("a wrong token is refused, never echoed, and nothing runs", async () => {
    pluginSettings({ url: app.url, token: `${TEST_ACCESS_TOKEN}-wrong` });
    const before = await db().syncHistory.count();
    const result = await runPlugin("Scene.Update.Post", 4);
    expect(result.code).toBe(0);
    expect(result.error).toMatch(/refused the hook \(HTTP 401\)/);
    expect(`${result.error} ${result.stderr}`).not.toContain(TEST_ACCESS_TOKEN);
    expect(await db().syncHistory.count()).toBe(before);
  });

  it("returns by itself when stash-sync is down or never answers, so Stash is not held up", async () => {
    const closed = await listening(createServer());
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    pluginSettings({ url: closedUrl, token: TEST_ACCESS_TOKEN });
    const down = await runPlugin("Scene.Update.Post", 4);
    expect(down.code).toBe(0);
    expect(down.error).toMatch(/stash-sync did not answer at .*(refused|Connection)/i);

    // A server that takes the connection and never answers: the plugin gives up on its own.
    const held = new Set<Socket>();
    const silent = await listening(createServer((socket) => held.add(socket)));
    pluginSettings({ url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` });
    const hung = await runPlugin("Scene.Update.Post", 4);
    expect(hung.code).toBe(0);
    expect(hung.error).toMatch(/stash-sync did not answer at .*timed out/i);
    // It exited while the silent server still held its connection open.
    expect([...held].some((socket) => !socket.destroyed)).toBe(true);
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });
});

function listening(server: Server): Promise<Server> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
