import { describe, expect, it } from "vitest";
import { copyText } from "../../server/db/postgresql-copy-text";

describe("COPY's text of a page's rows (PostgreSQL's bulk writer)", () => {
  it("writes a line a row, tab between values, NULL as \\N and booleans as t/f", () => {
    expect(
      copyText(
        [
          ["1", 2, true, null],
          ["3", 0, false, "x"],
        ],
        4,
      ),
    ).toBe("1\t2\tt\t\\N\n3\t0\tf\tx\n");
  });

  it("escapes what COPY reads as a separator or an escape, and nothing else", () => {
    expect(copyText([["a\\b", "c\td\ne\rf", "é ' \" %"]], 3)).toBe(
      "a\\\\b\tc\\td\\ne\\rf\té ' \" %\n",
    );
  });

  it("writes dates as UTC ISO text and int64 as digits, as every other write does", () => {
    const at = new Date("2026-01-02T03:04:05.678Z");
    expect(copyText([[at, 9007199254740993n]], 2)).toBe(
      "2026-01-02T03:04:05.678Z\t9007199254740993\n",
    );
  });

  it("reads a value a row lacks as NULL, and no rows as no text", () => {
    expect(copyText([["1"]], 2)).toBe("1\t\\N\n");
    expect(copyText([], 2)).toBe("");
  });
});
