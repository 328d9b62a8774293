import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "../../server/api/root";
import { createCallerFactory } from "../../server/api/trpc";
import { db } from "../../server/db/client";
import { createScene, createSyncRun } from "../factories/library";
import { at, createSyncLog } from "./sync-log-factory";

const caller = createCallerFactory(appRouter)({ authorized: true });

async function trpcCode(promise: Promise<unknown>) {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof TRPCError ? error.code : error;
}

describe("history.sceneSyncLogs", () => {
  it("answers a page of SyncLogEntry rows", async () => {
    const scene = await createScene(db());
    const run = await createSyncRun(db(), { syncType: "specific" });
    const row = await createSyncLog(db(), run, { entityId: scene.id, createdAt: at(1) });

    const page = await caller.history.sceneSyncLogs({ sceneId: scene.id });

    expect(page.items.map((item) => [item.id, item.sync_history.job_id])).toEqual([
      [row.id, run.jobId],
    ]);
  });

  it("refuses limits 0 and 501 as bad requests", async () => {
    const scene = await createScene(db());
    expect(await trpcCode(caller.history.sceneSyncLogs({ sceneId: scene.id, limit: 0 }))).toBe(
      "BAD_REQUEST",
    );
    expect(await trpcCode(caller.history.sceneSyncLogs({ sceneId: scene.id, limit: 501 }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("answers an unknown scene with NOT_FOUND", async () => {
    expect(await trpcCode(caller.history.sceneSyncLogs({ sceneId: "987654" }))).toBe("NOT_FOUND");
  });
});
