import { describe, expect, it } from "vitest";
import { analyzeTitle, titleFromFileName } from "../../server/analysis/analyzers/title-analyzer";
import { library, scene } from "./analysis-scene";

describe("a title from the file name", () => {
  it("turns dots and underscores into spaces and drops resolutions, codecs and dates", () => {
    expect(titleFromFileName("Beach.Day.With.Friends.1080p.x264")).toBe("Beach Day With Friends");
    expect(titleFromFileName("beach_day_2024-01-31_720p")).toBe("Beach Day");
    expect(titleFromFileName("[2024] Sunset Walk (4K)")).toBe("Sunset Walk");
  });

  it("keeps dashes inside a name with spaces, and reads a dashed name as words", () => {
    expect(titleFromFileName("Sunset Studio - Beach-Side Walk")).toBe(
      "Sunset Studio - Beach-Side Walk",
    );
    expect(titleFromFileName("beach-side-walk")).toBe("Beach Side Walk");
  });

  it("keeps the casing a person wrote", () => {
    expect(titleFromFileName("An iPhone Story")).toBe("An iPhone Story");
  });

  it("gives nothing when only noise is left", () => {
    expect(titleFromFileName("1080p.2024-01-31")).toBeNull();
  });

  it("proposes a title only for a scene without one", () => {
    const lib = library({});
    const path = "/videos/beach.day.mp4";
    expect(analyzeTitle(scene(lib, { path }))).toEqual([
      {
        field: "title",
        action: "set",
        current: null,
        proposed: "Beach Day",
        confidence: 0.7,
        evidence: [{ source: "filename", text: "beach.day", start: 0, end: 9 }],
      },
    ]);
    expect(analyzeTitle(scene(lib, { path, title: "   " }))).toHaveLength(1);
    expect(analyzeTitle(scene(lib, { path, title: "Mine" }))).toEqual([]);
    expect(analyzeTitle(scene(lib, { title: null }))).toEqual([]);
  });
});
