import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createStashSyncClient } from "../../client";
import { db } from "../../server/db/client";
import { createScene, createSyncRun } from "../factories/library";
import { at, createSyncLog } from "../history/sync-log-factory";
import { startAppServer, type AppServer } from "./helpers/start-app-server";

let app: AppServer;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());
// A full sync's row belongs to every scene's history: start each test without other tests' runs.
beforeEach(async () => {
  await db().syncLog.deleteMany();
  await db().syncHistory.deleteMany();
});

const get = (path: string) => fetch(`${app.url}${path}`);

/** A scene with its own rows and one full-sync row, oldest first. */
async function sceneWithLogs(count: number) {
  const scene = await createScene(db());
  const run = await createSyncRun(db(), { syncType: "specific" });
  const full = await createSyncRun(db(), { syncType: "full" });
  const rows = [await createSyncLog(db(), full, { entityId: null, createdAt: at(0) })];
  for (let i = 1; i < count; i++) {
    rows.push(await createSyncLog(db(), run, { entityId: scene.id, createdAt: at(i) }));
  }
  return { scene, run, full, rows };
}

describe("GET /api/scenes/{scene_id}/sync-logs", () => {
  it("answers the design's SyncLogEntry list, newest first, with ISO dates", async () => {
    const { scene, run, rows } = await sceneWithLogs(3);

    const response = await get(`/api/scenes/${scene.id}/sync-logs`);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await response.json()) as Array<Record<string, unknown>>;
    expect(body.map((entry) => entry.id)).toEqual(rows.map((row) => row.id).reverse());
    expect(body[0]).toEqual({
      id: rows[2]!.id,
      entity_id: scene.id,
      sync_type: "specific",
      had_changes: false,
      change_type: "skipped",
      error_message: null,
      created_at: at(2).toISOString(),
      changed_fields: null,
      sync_history: {
        job_id: run.jobId,
        started_at: run.startedAt.toISOString(),
        completed_at: run.completedAt!.toISOString(),
        status: "completed",
        items_synced: 0,
        items_created: 0,
        items_updated: 0,
      },
    });
    expect(body[2]).toMatchObject({ entity_id: null, sync_type: "full" });
  });

  it("answers the same rows as the tRPC procedure history.sceneSyncLogs", async () => {
    const { scene } = await sceneWithLogs(4);
    const api = createStashSyncClient({ url: app.url });

    const [http, trpc] = await Promise.all([
      get(`/api/scenes/${scene.id}/sync-logs?limit=3`).then((r) => r.json()),
      api.history.sceneSyncLogs.query({ sceneId: scene.id, limit: 3 }),
    ]);

    expect(http).toEqual(JSON.parse(JSON.stringify(trpc.items)));
  });

  it("pages further back through the cursor in X-Next-Cursor and the Link header", async () => {
    const { scene, rows } = await sceneWithLogs(5);

    const first = await get(`/api/scenes/${scene.id}/sync-logs?limit=3`);
    const cursor = first.headers.get("x-next-cursor");
    const link = first.headers.get("link");
    expect(cursor).toBeTruthy();
    expect(link).toBe(
      `</api/scenes/${scene.id}/sync-logs?limit=3&cursor=${encodeURIComponent(cursor!)}>; rel="next"`,
    );
    const second = await get(link!.slice(1, link!.indexOf(">")));
    const ids = [...(await first.json()), ...(await second.json())].map(
      (entry: { id: number }) => entry.id,
    );

    expect(ids).toEqual(rows.map((row) => row.id).reverse());
    expect(second.headers.get("x-next-cursor")).toBeNull();
    expect(second.headers.get("link")).toBeNull();
  });

  it("filters by outcome and sync type like the History tab", async () => {
    const scene = await createScene(db());
    const run = await createSyncRun(db(), { syncType: "incremental" });
    const failed = await createSyncLog(db(), run, {
      entityId: scene.id,
      createdAt: at(1),
      changeType: "failed",
      errorMessage: "bad date",
    });
    await createSyncLog(db(), run, { entityId: scene.id, createdAt: at(2) });

    const body = (await (
      await get(`/api/scenes/${scene.id}/sync-logs?outcome=failures&sync_type=incremental`)
    ).json()) as Array<{ id: number }>;

    expect(body.map((entry) => entry.id)).toEqual([failed.id]);
  });

  it("answers an unknown scene with 404 and a JSON error", async () => {
    const response = await get("/api/scenes/987654/sync-logs");

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "NOT_FOUND", message: "Scene 987654 is not in the library." },
    });
  });

  it.each([
    ["0", "limit"],
    ["501", "limit"],
    ["ten", "limit"],
    ["2.5", "limit"],
    ["", "limit"],
  ])("refuses limit=%s with 400 naming the parameter", async (limit, field) => {
    const { scene } = await sceneWithLogs(1);

    const response = await get(`/api/scenes/${scene.id}/sync-logs?limit=${limit}`);

    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: string; message: string; fields: object };
    };
    expect(body.error.code).toBe("BAD_INPUT");
    expect(Object.keys(body.error.fields)).toEqual([field]);
    expect(body.error.message).toMatch(/^limit: /);
  });

  it.each([
    ["a cursor this API never issued", "?cursor=bm90LWEtY3Vyc29y", "cursor"],
    ["an over-long cursor", `?cursor=${"x".repeat(201)}`, "cursor"],
    ["an unknown outcome", "?outcome=everything", "outcome"],
    ["an unknown sync type", "?sync_type=partial", "sync_type"],
  ])("refuses %s with 400 naming the parameter", async (_what, query, field) => {
    const { scene } = await sceneWithLogs(1);

    const response = await get(`/api/scenes/${scene.id}/sync-logs${query}`);

    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields: object } };
    expect(Object.keys(body.error.fields)).toEqual([field]);
  });

  it("refuses a scene id that is not a Stash id with 400 naming scene_id", async () => {
    const response = await get(
      `/api/scenes/${encodeURIComponent("1; DROP TABLE scene")}/sync-logs`,
    );

    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields: object } };
    expect(Object.keys(body.error.fields)).toEqual(["scene_id"]);
  });
});
