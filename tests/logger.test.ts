import { describe, expect, it } from "vitest";
import { parseEnv } from "../server/env";
import { formatLine } from "../server/logger";

describe("log lines", () => {
  const at = new Date("2026-12-03T10:00:00.000Z");

  it("are text for people by default", () => {
    expect(parseEnv({}).LOG_FORMAT).toBe("text");
    expect(formatLine(at, "warn", "Stash is slow", "text")).toBe(
      "2026-12-03T10:00:00.000Z WARN stash-sync: Stash is slow",
    );
  });

  it("are one JSON object each with LOG_FORMAT=json, whatever the message holds", () => {
    const message = 'a "quoted"\nsecond line';

    const line = formatLine(at, "error", message, parseEnv({ LOG_FORMAT: "json" }).LOG_FORMAT);

    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({
      time: "2026-12-03T10:00:00.000Z",
      level: "error",
      name: "stash-sync",
      msg: message,
    });
  });

  it("refuses an unknown format, naming the variable", () => {
    expect(() => parseEnv({ LOG_FORMAT: "xml" })).toThrow(/LOG_FORMAT/);
  });
});
