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

  it("treats an empty API key as no key", () => {
    expect(parseEnv({ STASH_API_KEY: "" }).STASH_API_KEY).toBeUndefined();
  });
});
