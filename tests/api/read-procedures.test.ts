import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStashSyncClient, type StashSyncClient } from "../../client";
import { db } from "../../server/db/client";
import {
  createPerformer,
  createScene,
  createStudio,
  createSyncRun,
  createTag,
} from "../factories/library";
import { at, createSyncLog } from "../history/sync-log-factory";
import { expectApiError } from "./helpers/api-error";
import { startAppServer, type AppServer } from "./helpers/start-app-server";

let app: AppServer;
let api: StashSyncClient;
beforeAll(async () => {
  app = await startAppServer();
  api = createStashSyncClient({ url: app.url });
});
afterAll(() => app.close());

const badRequest = (field?: string) => ({ code: "BAD_REQUEST", httpStatus: 400, field });
const notFound = { code: "NOT_FOUND", httpStatus: 404, appCode: "NOT_FOUND" };

describe("library and scene queries over HTTP", () => {
  it("library.counts counts the mirrored library", async () => {
    const before = await api.library.counts.query();
    await createScene(db(), { performerIds: [(await createPerformer(db())).id] });

    const after = await api.library.counts.query();

    expect(after.scenes).toBe(before.scenes + 1);
    expect(after.performers).toBe(before.performers + 1);
  });

  it("library.filterOptions lists performers, tags and studios by name", async () => {
    const tag = await createTag(db(), { name: "Outdoor" });
    const studio = await createStudio(db(), { name: "Harbor Films" });
    await createScene(db(), { tagIds: [tag.id], studioId: studio.id });

    const options = await api.library.filterOptions.query();

    expect(options.tags).toContainEqual({ id: tag.id, name: "Outdoor" });
    expect(options.studios).toContainEqual({ id: studio.id, name: "Harbor Films" });
  });

  it("library.scenes finds a scene by title", async () => {
    const scene = await createScene(db(), { title: "Lighthouse at dusk" });

    const page = await api.library.scenes.query({ search: "Lighthouse" });

    expect(page.items.map((item) => item.id)).toEqual([scene.id]);
    expect(page.items[0]?.lastSyncedAt).toBeInstanceOf(Date);
  });

  it("library.scenes refuses wrong types, a page size of 0 and an over-long search", async () => {
    await expectApiError(api.library.scenes.query({ pageSize: 0 }), badRequest("pageSize"));
    await expectApiError(api.library.scenes.query({ pageSize: 201 }), badRequest("pageSize"));
    await expectApiError(
      api.library.scenes.query({ search: "x".repeat(201) }),
      badRequest("search"),
    );
    await expectApiError(
      api.library.scenes.query({ organized: "yes" as unknown as boolean }),
      badRequest("organized"),
    );
  });

  it("library.scene answers a scene's details", async () => {
    const scene = await createScene(db(), { title: "Harbor" });

    const details = await api.library.scene.query({ sceneId: scene.id });

    expect(details).toMatchObject({ id: scene.id, title: "Harbor" });
  });

  it("library.scene answers an unknown scene with 404 and a malformed id with 400", async () => {
    await expectApiError(api.library.scene.query({ sceneId: "987654" }), notFound);
    await expectApiError(api.library.scene.query({ sceneId: "abc" }), badRequest("sceneId"));
    await expectApiError(
      api.library.scene.query({ sceneId: 42 as unknown as string }),
      badRequest("sceneId"),
    );
  });

  it("history.sceneSyncLogs answers the design's entries with Date values", async () => {
    const scene = await createScene(db());
    const run = await createSyncRun(db(), { syncType: "specific" });
    const row = await createSyncLog(db(), run, { entityId: scene.id, createdAt: at(5) });

    const page = await api.history.sceneSyncLogs.query({ sceneId: scene.id });

    expect(page.items.map((item) => item.id)).toEqual([row.id]);
    expect(page.items[0]?.created_at).toEqual(at(5));
    expect(page.items[0]?.sync_history.job_id).toBe(run.jobId);
  });

  it("history.sceneSyncLogs refuses limits 0 and 501, an over-long cursor and an unknown scene", async () => {
    const scene = await createScene(db());
    await expectApiError(
      api.history.sceneSyncLogs.query({ sceneId: scene.id, limit: 0 }),
      badRequest("limit"),
    );
    await expectApiError(
      api.history.sceneSyncLogs.query({ sceneId: scene.id, limit: 501 }),
      badRequest("limit"),
    );
    await expectApiError(
      api.history.sceneSyncLogs.query({ sceneId: scene.id, cursor: "c".repeat(201) }),
      badRequest("cursor"),
    );
    await expectApiError(api.history.sceneSyncLogs.query({ sceneId: "987654" }), notFound);
  });

  it("history.sceneTimeline answers Stash's creation time and analyses", async () => {
    const scene = await createScene(db());

    const timeline = await api.history.sceneTimeline.query({ sceneId: scene.id });

    expect(timeline).toEqual({ stashCreatedAt: scene.stashCreatedAt, analyses: [] });
  });

  it("history.sceneTimeline answers an unknown scene with 404", async () => {
    await expectApiError(api.history.sceneTimeline.query({ sceneId: "987654" }), notFound);
  });
});

describe("sync run queries over HTTP", () => {
  it("sync.list, sync.status and sync.entries answer recorded runs", async () => {
    const scene = await createScene(db());
    const run = await createSyncRun(db(), { syncType: "incremental" });
    await createSyncLog(db(), run, {
      entityId: scene.id,
      createdAt: at(1),
      changeType: "failed",
      errorMessage: "date: not a date",
    });
    await createSyncLog(db(), run, { entityId: scene.id, createdAt: at(2) });

    const list = await api.sync.list.query({ syncType: "incremental" });
    const status = await api.sync.status.query({ jobId: run.jobId });
    const failed = await api.sync.entries.query({ jobId: run.jobId, changeType: "failed" });

    expect(list.items.map((item) => item.jobId)).toContain(run.jobId);
    expect(status).toMatchObject({
      jobId: run.jobId,
      syncType: "incremental",
      status: "completed",
    });
    expect(failed.items).toMatchObject([
      { entityType: "scene", entityId: scene.id, errorMessage: "date: not a date" },
    ]);
  });

  it("sync.running answers null when no sync runs", async () => {
    expect(await api.sync.running.query()).toBeNull();
  });

  it("refuses unknown job ids with 404, over-long ones and bad limits with 400", async () => {
    const jobId = "0b7c7a8e-0000-4000-8000-000000000000";
    await expectApiError(api.sync.status.query({ jobId }), notFound);
    await expectApiError(api.sync.entries.query({ jobId }), notFound);
    await expectApiError(api.sync.status.query({ jobId: "j".repeat(101) }), badRequest("jobId"));
    await expectApiError(api.sync.status.query({ jobId: "" }), badRequest("jobId"));
    await expectApiError(api.sync.entries.query({ jobId, limit: 0 }), badRequest("limit"));
    await expectApiError(api.sync.entries.query({ jobId, limit: 501 }), badRequest("limit"));
    await expectApiError(
      api.sync.entries.query({ jobId, changeType: "exploded" as never }),
      badRequest("changeType"),
    );
    await expectApiError(api.sync.list.query({ limit: 0 }), badRequest("limit"));
    await expectApiError(api.sync.list.query({ limit: 201 }), badRequest("limit"));
    await expectApiError(
      api.sync.list.query({ limit: "ten" as unknown as number }),
      badRequest("limit"),
    );
  });
});
