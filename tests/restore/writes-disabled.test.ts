/**
 * Writing to Stash is opt-in: off by default, and while it is off every write path refuses with
 * a 403 that says how to turn it on, before anything is sent to Stash.
 */
import { describe, expect, it } from "vitest";
import { expectApiError } from "../api/helpers/api-error";
import { withRestoreFixture } from "./helpers/restore-fixture";

const fixture = withRestoreFixture({ scenes: 10, seed: 13, allowWrites: false });

describe("with writes to Stash not allowed", () => {
  it("is off by default, decided by Settings", async () => {
    expect(await fixture.api.restore.writeAccess.query()).toEqual({
      allowed: false,
      source: "default",
    });
  });

  it("refuses a restore over tRPC with 403 WRITES_DISABLED, saying how to turn it on", async () => {
    const logId = await fixture.editInStash(2, { title: "B" });

    const error = await expectApiError(
      fixture.api.restore.restoreEntry.mutate({ sceneId: "2", logId }),
      { code: "FORBIDDEN", httpStatus: 403, appCode: "WRITES_DISABLED" },
    );
    expect(error.message).toContain("turn on “Allow stash-sync to change Stash” in Settings");
    expect(error.message).toContain("STASH_SYNC_ALLOW_WRITES=true");
    expect(fixture.sim.scene(2)!.title).toBe("B");
    expect(fixture.stashWasWritten()).toBe(false);
  });

  it("refuses a restore over HTTP with the same 403", async () => {
    const logId = await fixture.editInStash(3, { title: "B" });

    const response = await fetch(`${fixture.app.url}/api/scenes/3/restore`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ logId }),
    });

    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("WRITES_DISABLED");
    expect(body.error.message).toContain("Allow stash-sync to change Stash");
    expect(fixture.stashWasWritten()).toBe(false);
  });

  it("restores once a person turns the switch on, and refuses again once it is off", async () => {
    const logId = await fixture.editInStash(4, { title: "B" });
    const original = (await fixture.logRow(logId)).changedFields!;

    expect(await fixture.api.restore.saveWriteAccess.mutate({ allowed: true })).toEqual({
      allowed: true,
      source: "settings",
    });
    await fixture.api.restore.restoreEntry.mutate({ sceneId: "4", logId });
    expect(fixture.sim.scene(4)!.title).toBe(JSON.parse(original).title.from);

    await fixture.api.restore.saveWriteAccess.mutate({ allowed: false });
    await expectApiError(fixture.api.restore.restoreEntry.mutate({ sceneId: "4", logId }), {
      code: "FORBIDDEN",
      httpStatus: 403,
      appCode: "WRITES_DISABLED",
    });
  });
});
