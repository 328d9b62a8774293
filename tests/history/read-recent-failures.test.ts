import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { readRecentFailures } from "../../server/history/read-recent-failures";
import { createScene, createSyncRun } from "../factories/library";
import { at, createSyncLog } from "./sync-log-factory";

describe("recent failures", () => {
  it("lists the newest failed entities with the scene's title, the error and the run", async () => {
    const scene = await createScene(db(), { title: "Broken date" });
    const run = await createSyncRun(db(), { syncType: "incremental" });
    await createSyncLog(db(), run, { entityId: scene.id, createdAt: at(1), changeType: "updated" });
    const older = await createSyncLog(db(), run, {
      entityId: scene.id,
      createdAt: at(2),
      changeType: "failed",
      errorMessage: "date: not a date",
    });
    const newer = await createSyncLog(db(), run, {
      entityId: "77",
      entityType: "performer",
      createdAt: at(3),
      changeType: "failed",
    });

    const failures = await readRecentFailures({ limit: 10 });

    expect(failures.map((f) => f.id)).toEqual([newer.id, older.id]);
    expect(failures[1]).toMatchObject({
      title: "Broken date",
      errorMessage: "date: not a date",
      jobId: run.jobId,
    });
    expect(failures[0]?.title).toBeNull();
  });
});
