// Read once per process (server/env.ts): set before anything reads the environment.
process.env.STASH_SYNC_ALLOW_WRITES = "false";

import { describe, expect, it } from "vitest";
import { parseEnv } from "../../server/env";
import { expectApiError } from "../api/helpers/api-error";
import { withRestoreFixture } from "./helpers/restore-fixture";

/** STASH_SYNC_ALLOW_WRITES wins over the Settings switch, as the other variables do. */
const fixture = withRestoreFixture({ scenes: 10, seed: 14, allowWrites: true });

describe("STASH_SYNC_ALLOW_WRITES", () => {
  it("set to false refuses restores even with the switch on, and says so", async () => {
    const logId = await fixture.editInStash(2, { title: "B" });

    expect(await fixture.api.restore.writeAccess.query()).toEqual({
      allowed: false,
      source: "environment",
    });
    const error = await expectApiError(
      fixture.api.restore.restoreEntry.mutate({ sceneId: "2", logId }),
      { code: "FORBIDDEN", httpStatus: 403, appCode: "WRITES_DISABLED" },
    );
    expect(error.message).toContain("STASH_SYNC_ALLOW_WRITES is false");
    expect(fixture.stashWasWritten()).toBe(false);
  });

  it("accepts true or false (1/0, yes/no, on/off) and names itself for anything else", () => {
    expect(parseEnv({ STASH_SYNC_ALLOW_WRITES: "yes" }).STASH_SYNC_ALLOW_WRITES).toBe(true);
    expect(parseEnv({ STASH_SYNC_ALLOW_WRITES: "0" }).STASH_SYNC_ALLOW_WRITES).toBe(false);
    expect(parseEnv({ STASH_SYNC_ALLOW_WRITES: "" }).STASH_SYNC_ALLOW_WRITES).toBeUndefined();
    expect(() => parseEnv({ STASH_SYNC_ALLOW_WRITES: "maybe" })).toThrow(/STASH_SYNC_ALLOW_WRITES/);
  });
});
