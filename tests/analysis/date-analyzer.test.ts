import { describe, expect, it } from "vitest";
import { analyzeDate } from "../../server/analysis/analyzers/date-analyzer";
import { library, scene } from "./analysis-scene";

const lib = library({});
const dateOf = (path: string, date: string | null = null) =>
  analyzeDate(scene(lib, { path, date })).map((p) => [p.proposed, p.confidence]);

describe("the date analyzer", () => {
  it("reads dates written with dashes, dots, underscores or spaces", () => {
    expect(dateOf("/v/2024-01-31 beach.mp4")).toEqual([["2024-01-31", 0.9]]);
    expect(dateOf("/v/Studio.2024.01.31.Jane.mp4")).toEqual([["2024-01-31", 0.9]]);
    expect(dateOf("/v/clip_2024_01_31.mp4")).toEqual([["2024-01-31", 0.9]]);
  });

  it("reads eight digits as a date, with less confidence", () => {
    expect(dateOf("/v/clip-20240131.mp4")).toEqual([["2024-01-31", 0.8]]);
  });

  it("reads a year in brackets as a year only", () => {
    expect(dateOf("/v/Beach Day [2024].mp4")).toEqual([["2024", 0.7]]);
    expect(dateOf("/v/Beach Day (1999).mp4")).toEqual([["1999", 0.7]]);
  });

  it("prefers a full date to a year", () => {
    expect(dateOf("/v/[2024] Beach 2024-01-31.mp4")).toEqual([["2024-01-31", 0.9]]);
  });

  it("says where it found the date", () => {
    const [proposal] = analyzeDate(scene(lib, { path: "/2023/clip 2024.01.31.mp4" }));
    expect(proposal?.evidence).toEqual([
      { source: "filename", text: "2024.01.31", start: 5, end: 15 },
    ]);
  });

  it("ignores days that do not exist and digits inside longer numbers", () => {
    expect(dateOf("/v/clip 2023-02-29.mp4")).toEqual([]);
    expect(dateOf("/v/clip 2024-13-01.mp4")).toEqual([]);
    expect(dateOf("/v/id120240131.mp4")).toEqual([]);
    expect(dateOf("/v/202401311.mp4")).toEqual([]);
    expect(dateOf("/v/clip 1080p 2024.mp4")).toEqual([]);
  });

  it("proposes nothing when the file name holds two different dates", () => {
    expect(dateOf("/v/2024-01-31 to 2024-02-01.mp4")).toEqual([]);
  });

  it("reads the file name only, not the folders", () => {
    expect(dateOf("/2024-01-31/clip.mp4")).toEqual([]);
  });

  it("proposes nothing for a scene that has a date", () => {
    expect(dateOf("/v/2024-01-31.mp4", "2023")).toEqual([]);
  });
});
