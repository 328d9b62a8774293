import { describe, expect, it } from "vitest";
import { laterStashTimestamp, oneSecondBefore } from "../../server/sync/stash-timestamps";

describe("Stash timestamps", () => {
  it("step one second back in Stash's own format and offset", () => {
    expect(oneSecondBefore("2026-11-27T14:03:11+01:00")).toBe("2026-11-27T14:03:10+01:00");
    expect(oneSecondBefore("2026-11-27T05:30:00-07:00")).toBe("2026-11-27T05:29:59-07:00");
  });

  it("carry across midnight and year ends without touching the offset", () => {
    expect(oneSecondBefore("2027-01-01T00:00:00+05:30")).toBe("2026-12-31T23:59:59+05:30");
    expect(oneSecondBefore("2026-03-01T00:00:00Z")).toBe("2026-02-28T23:59:59Z");
  });

  it("leave a string they cannot read unchanged rather than invent one", () => {
    expect(oneSecondBefore("yesterday")).toBe("yesterday");
  });

  it("compare as Stash compares: as text", () => {
    expect(laterStashTimestamp("2026-11-27T14:03:11+01:00", "2026-11-27T14:03:12+01:00")).toBe(
      "2026-11-27T14:03:12+01:00",
    );
    expect(laterStashTimestamp(null, "2026-01-01T00:00:00Z")).toBe("2026-01-01T00:00:00Z");
  });
});
