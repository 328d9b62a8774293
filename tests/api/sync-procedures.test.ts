import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createStashSyncClient, type StashSyncClient } from "../../client";
import { db } from "../../server/db/client";
import { saveStashConnection } from "../../server/settings/stash-connection";
import { startStashSim, type StashSim } from "../../stash-sim";
import { waitFor } from "../helpers/sync-run";
import { expectApiError } from "./helpers/api-error";
import { startAppServer, type AppServer } from "./helpers/start-app-server";

let sim: StashSim;
let app: AppServer;
let api: StashSyncClient;
beforeAll(async () => {
  sim = await startStashSim({ scenes: 40, seed: 3 });
  // The app reads where Stash is from Settings when no STASH_URL is set, as a person saves it.
  await saveStashConnection({ url: sim.url });
  app = await startAppServer();
  api = createStashSyncClient({ url: app.url });
});
afterEach(async () => {
  sim.resetFaults();
  // Every test leaves no run behind: the next one may need the sync lock.
  await waitFor(async () => (await api.sync.running.query()) === null);
});
afterAll(async () => {
  await app.close();
  await sim.close();
});

async function ended(jobId: string) {
  await waitFor(async () => (await api.sync.status.query({ jobId })).status !== "running");
  return api.sync.status.query({ jobId });
}

const runCount = () => db().syncHistory.count();
const badRequest = (field?: string) => ({ code: "BAD_REQUEST", httpStatus: 400, field });

describe("sync control over HTTP", () => {
  it("sync.start runs a full sync that status, running, list and entries follow", async () => {
    const { jobId } = await api.sync.start.mutate({ type: "full" });
    expect((await api.sync.running.query())?.jobId).toBe(jobId);

    const run = await ended(jobId);
    expect(run).toMatchObject({ jobId, syncType: "full", trigger: "api", status: "completed" });
    expect(run.itemsCreated).toBeGreaterThanOrEqual(40);
    expect((await api.sync.list.query({ syncType: "full" })).items[0]?.jobId).toBe(jobId);
    const scenes = await api.sync.entries.query({ jobId, entityType: "scene", limit: 500 });
    expect(scenes.items.filter((entry) => entry.changeType === "created")).toHaveLength(40);
  });

  it("sync.start runs an incremental and a scene-specific sync", async () => {
    sim.updateScene(3, { title: "Renamed in Stash" });
    const incremental = await ended((await api.sync.start.mutate({ type: "incremental" })).jobId);
    expect(incremental.status).toBe("completed");
    expect((await api.library.scene.query({ sceneId: "3" })).title).toBe("Renamed in Stash");

    const specific = await ended(
      (await api.sync.start.mutate({ type: "specific", sceneIds: ["5", "6"] })).jobId,
    );
    expect(specific).toMatchObject({ syncType: "specific", status: "completed", itemsSynced: 2 });
  });

  it("refuses a second sync with 409 naming the running job, and cancel stops the first", async () => {
    // Stash answers no page until the test ends: the first run is busy while the second is asked for.
    sim.holdPagesFrom(1);
    const { jobId } = await api.sync.start.mutate({ type: "full" });
    const before = await runCount();

    const error = await expectApiError(api.sync.start.mutate({ type: "incremental" }), {
      code: "CONFLICT",
      httpStatus: 409,
      appCode: "SYNC_ALREADY_RUNNING",
    });
    expect(error.data?.details).toMatchObject({ jobId });
    expect(await runCount()).toBe(before);

    expect(await api.sync.cancel.mutate({ jobId })).toEqual({ cancelled: true });
    expect((await ended(jobId)).status).toBe("cancelled");
  });

  it("sync.cancel of a job that is not running answers cancelled: false", async () => {
    expect(await api.sync.cancel.mutate({ jobId: "not-running" })).toEqual({ cancelled: false });
  });

  it("sync.retryFailed syncs again the scenes a run failed", async () => {
    sim.corruptScene(9, "bad-date", true);
    const failing = await ended((await api.sync.start.mutate({ type: "incremental" })).jobId);
    expect(failing.status).toBe("completed_with_errors");
    sim.corruptScene(9, null, true);

    const retry = await ended((await api.sync.retryFailed.mutate({ jobId: failing.jobId })).jobId);

    expect(retry).toMatchObject({ syncType: "specific", status: "completed", itemsSynced: 1 });
    await expectApiError(api.sync.retryFailed.mutate({ jobId: retry.jobId }), {
      code: "BAD_REQUEST",
      httpStatus: 400,
      appCode: "BAD_INPUT",
    });
  });

  it("answers 503 when Stash cannot be reached, and records the run as failed, naming the address", async () => {
    await sim.goAway();
    try {
      const error = await expectApiError(api.sync.start.mutate({ type: "incremental" }), {
        code: "SERVICE_UNAVAILABLE",
        httpStatus: 503,
        appCode: "STASH_UNREACHABLE",
      });
      expect(error.message).toContain(new URL(sim.url).host);
      const jobId = error.data?.details?.jobId;
      expect(typeof jobId).toBe("string");
      const run = await ended(jobId as string);
      expect(run.status).toBe("failed");
      expect(run.errorMessage).toContain(new URL(sim.url).host);
    } finally {
      await sim.comeBack();
    }
  });

  it("refuses bad start requests with 400 naming the field, and records no run", async () => {
    const before = await runCount();
    await expectApiError(api.sync.start.mutate({ type: "partial" } as never), badRequest("type"));
    await expectApiError(
      api.sync.start.mutate({ type: "specific", sceneIds: [] }),
      badRequest("sceneIds"),
    );
    await expectApiError(
      api.sync.start.mutate({ type: "specific", sceneIds: ["abc"] }),
      badRequest("sceneIds"),
    );
    await expectApiError(
      api.sync.start.mutate({ type: "specific", sceneIds: "1" as unknown as string[] }),
      badRequest("sceneIds"),
    );
    await expectApiError(api.sync.cancel.mutate({ jobId: "j".repeat(101) }), badRequest("jobId"));
    await expectApiError(
      api.sync.retryFailed.mutate({ jobId: 7 as unknown as string }),
      badRequest("jobId"),
    );
    await expectApiError(
      api.sync.retryFailed.mutate({ jobId: "0b7c7a8e-0000-4000-8000-000000000000" }),
      { code: "NOT_FOUND", httpStatus: 404 },
    );
    expect(await runCount()).toBe(before);
  });
});
