import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "../server/env";

describe("configuration", () => {
  it("defaults to the embedded database under ./data", () => {
    expect(parseEnv({}).DATABASE_URL).toBe("file:./data/stash-sync.db");
  });

  it("names the variable when a value is wrong", () => {
    expect(() => parseEnv({ STASH_URL: "not a url" })).toThrow(ConfigError);
    expect(() => parseEnv({ STASH_URL: "not a url" })).toThrow(/STASH_URL/);
    expect(() => parseEnv({ STASH_PAGE_SIZE: "5000" })).toThrow(/STASH_PAGE_SIZE/);
  });

  it("takes a hook token only beside a different access token, and says why not", () => {
    const access = "access-token-0123456789";
    const hook = "hook-token-0123456789";
    expect(parseEnv({ STASH_SYNC_TOKEN: access, STASH_SYNC_HOOK_TOKEN: hook })).toMatchObject({
      STASH_SYNC_TOKEN: access,
      STASH_SYNC_HOOK_TOKEN: hook,
    });
    expect(() => parseEnv({ STASH_SYNC_HOOK_TOKEN: hook })).toThrow(
      /STASH_SYNC_HOOK_TOKEN: needs STASH_SYNC_TOKEN/,
    );
    expect(() => parseEnv({ STASH_SYNC_TOKEN: access, STASH_SYNC_HOOK_TOKEN: access })).toThrow(
      /STASH_SYNC_HOOK_TOKEN: must differ from STASH_SYNC_TOKEN/,
    );
    expect(() => parseEnv({ STASH_SYNC_TOKEN: access, STASH_SYNC_HOOK_TOKEN: "short" })).toThrow(
      /STASH_SYNC_HOOK_TOKEN/,
    );
  });

  it("treats an empty API key as no key", () => {
    expect(parseEnv({ STASH_API_KEY: "" }).STASH_API_KEY).toBeUndefined();
  });
});
