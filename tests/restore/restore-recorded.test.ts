import { TEST_ACCESS_TOKEN } from "../api/helpers/use-access-token";
import { describe, expect, it } from "vitest";
import { issueSessionValue, SESSION_COOKIE_NAME } from "../../server/auth/session-cookie";
import { db } from "../../server/db/client";
import { isAppError, type AppError } from "../../server/errors";
import { lockRow, runRow, syncNow, waitFor } from "../helpers/sync-run";
import { withRestoreFixture } from "./helpers/restore-fixture";

/**
 * A restore is recorded like everything else: a specific sync logs the change right after the
 * write, and its row names the cause (the entry restored, who asked, when). Restoring that
 * entry is just another restore.
 */
const fixture = withRestoreFixture({ scenes: 20, seed: 16, token: TEST_ACCESS_TOKEN });

describe("a restore in the History", () => {
  it("is logged by a specific sync whose row names the restore, who asked, and when", async () => {
    const original = fixture.sim.scene(2)!.title;
    const logId = await fixture.editInStash(2, { title: "B" });
    const entryJob = (
      await db().syncLog.findUniqueOrThrow({
        where: { id: logId },
        include: { syncHistory: true },
      })
    ).syncHistory.jobId;
    const asked = new Date();

    const result = await fixture.api.restore.restoreEntry.mutate({ sceneId: "2", logId });
    const answered = new Date();

    expect(result.sync).toMatchObject({ status: "completed" });
    const row = await fixture.logRow(result.sync!.logId!);
    expect(row).toMatchObject({
      entityType: "scene",
      entityId: "2",
      syncType: "specific",
      changeType: "updated",
      restoreId: result.restoreId,
    });
    expect(JSON.parse(row.changedFields!)).toEqual({ title: { from: "B", to: original } });
    expect((await runRow(result.sync!.jobId!)).trigger).toBe("api");

    const restore = await db().sceneRestore.findUniqueOrThrow({ where: { id: result.restoreId! } });
    expect(restore).toMatchObject({
      sceneId: "2",
      restoredLogId: logId,
      restoredJobId: entryJob,
      fields: '["title"]',
      requestedBy: "API token via tRPC API",
    });
    expect(restore.requestedAt >= asked && restore.requestedAt <= answered).toBe(true);
    expect(JSON.stringify([result, restore])).not.toContain(TEST_ACCESS_TOKEN);

    expect(await fixture.api.restore.sceneRestores.query({ sceneId: "2" })).toEqual([
      {
        id: result.restoreId,
        syncLogId: row.id,
        restoredLogId: logId,
        restoredJobId: entryJob,
        fields: ["title"],
        requestedBy: "API token via tRPC API",
        requestedAt: restore.requestedAt,
      },
    ]);
  });

  it("can itself be restored: it is just another entry", async () => {
    const logId = await fixture.editInStash(3, { title: "B" });
    const first = await fixture.api.restore.restoreEntry.mutate({ sceneId: "3", logId });

    const second = await fixture.api.restore.restoreEntry.mutate({
      sceneId: "3",
      logId: first.sync!.logId!,
    });

    expect(fixture.sim.scene(3)!.title).toBe("B");
    const restores = await fixture.api.restore.sceneRestores.query({ sceneId: "3" });
    expect(restores.map((r) => [r.restoredLogId, r.syncLogId])).toEqual([
      [first.sync!.logId, second.sync!.logId],
      [logId, first.sync!.logId],
    ]);
  });

  it("keeps its cause when a sync is asked for meanwhile: the sync is refused, naming the restore", async () => {
    const logId = await fixture.editInStash(8, { title: "Wrong while restoring" });
    // Slow enough that the sync below is asked for while the restore reads and writes Stash.
    fixture.sim.setLatency(300);
    try {
      const restoring = fixture.api.restore.restoreEntry.mutate({ sceneId: "8", logId });
      await waitFor(async () => (await lockRow())?.task != null, 10_000);

      const sync = await syncNow(fixture.sim, { type: "incremental" }).catch((e: unknown) => e);
      expect(isAppError(sync) && sync.code).toBe("SYNC_ALREADY_RUNNING");
      expect((sync as AppError).message).toMatch(
        /^stash-sync is busy: a restore of scene 8 is being written to Stash \(on .+\)\. Try again once that has finished\.$/,
      );

      const result = await restoring;
      expect(result.sync).toMatchObject({ status: "completed", logId: expect.any(Number) });
      expect(await fixture.logRow(result.sync!.logId!)).toMatchObject({
        entityId: "8",
        changeType: "updated",
        restoreId: result.restoreId,
      });
      expect(await lockRow()).toBeNull();
    } finally {
      fixture.sim.setLatency(0);
    }
  });

  it("over HTTP names the door and the credential: a bearer token or a signed-in session", async () => {
    const post = (sceneId: number, logId: number, headers: Record<string, string>) =>
      fetch(`${fixture.app.url}/api/scenes/${sceneId}/restore`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ logId }),
      });
    const byToken = await post(4, await fixture.editInStash(4, { title: "B" }), {
      authorization: `Bearer ${TEST_ACCESS_TOKEN}`,
    });
    const bySession = await post(5, await fixture.editInStash(5, { title: "B" }), {
      cookie: `${SESSION_COOKIE_NAME}=${issueSessionValue()}`,
      origin: fixture.app.url,
      "sec-fetch-site": "same-origin",
    });

    expect([byToken.status, bySession.status]).toEqual([200, 200]);
    const requesters = await db().sceneRestore.findMany({
      where: { sceneId: { in: ["4", "5"] } },
      orderBy: { sceneId: "asc" },
    });
    expect(requesters.map((r) => r.requestedBy)).toEqual([
      "API token via HTTP API",
      "signed-in session via HTTP API",
    ]);
  });

  it("over HTTP refuses a session from another site (CSRF) with 403, writing nothing", async () => {
    const logId = await fixture.editInStash(6, { title: "B" });

    const response = await fetch(`${fixture.app.url}/api/scenes/6/restore`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: `${SESSION_COOKIE_NAME}=${issueSessionValue()}`,
        origin: "https://evil.example",
      },
      body: JSON.stringify({ logId }),
    });

    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    expect(fixture.sim.scene(6)!.title).toBe("B");
  });
});
