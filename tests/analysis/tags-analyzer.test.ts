import { describe, expect, it } from "vitest";
import { analyzePerformers } from "../../server/analysis/analyzers/performers-analyzer";
import { analyzeTags } from "../../server/analysis/analyzers/tags-analyzer";
import { library, namesProposed, scene } from "./analysis-scene";

const tagsIn = (lib: ReturnType<typeof library>, facts: Parameters<typeof scene>[1]) =>
  namesProposed(analyzeTags(scene(lib, facts)));

describe("the tags analyzer", () => {
  it("proposes adding a tag named in the title, saying where", () => {
    const lib = library({ tags: ["Outdoor"] });
    expect(analyzeTags(scene(lib, { title: "Picnic outdoor" }))).toEqual([
      {
        field: "tags",
        action: "add",
        current: null,
        proposed: { id: "1", name: "Outdoor" },
        confidence: 1,
        evidence: [{ source: "title", text: "outdoor", start: 7, end: 14 }],
      },
    ]);
  });

  it("matches tags in any case in paths and titles, since tags are common words", () => {
    const lib = library({ tags: ["Outdoor", "Pool Party"] });
    expect(tagsIn(lib, { title: "OUTDOOR at a pool party" })).toEqual([
      ["Outdoor", 1],
      ["Pool Party", 1],
    ]);
    expect(tagsIn(lib, { path: "/Outdoor/pool_party.mp4" })).toEqual([
      ["Outdoor", 1],
      ["Pool Party", 1],
    ]);
  });

  it("caps a one-word tag found in details at 0.9: a description may mention what a scene is not", () => {
    const lib = library({ tags: ["Outdoor", "Pool Party"] });
    expect(tagsIn(lib, { details: "No outdoor shots, just a pool party." })).toEqual([
      ["Outdoor", 0.9],
      ["Pool Party", 1],
    ]);
    // Named in the title as well, it is the title's 1 that counts.
    expect(tagsIn(lib, { title: "Outdoor", details: "Filmed outdoor." })).toEqual([["Outdoor", 1]]);
  });

  it("finds a tag by its alias with confidence 0.95", () => {
    const lib = library({ tags: [{ name: "Outdoor", aliases: ["Outside"] }] });
    expect(tagsIn(lib, { title: "Picnic outside" })).toEqual([["Outdoor", 0.95]]);
  });

  it("matches a short tag only in its own case", () => {
    const lib = library({ tags: ["VR", "4K"] });
    expect(tagsIn(lib, { path: "/v/beach.VR.4K.mp4" })).toEqual([
      ["VR", 1],
      ["4K", 1],
    ]);
    expect(tagsIn(lib, { path: "/v/beach.vr.4k.mp4" })).toEqual([]);
  });

  it("never matches a tag inside a longer word", () => {
    const lib = library({ tags: ["Pool", "Art"] });
    expect(tagsIn(lib, { title: "Whirlpool party", details: "Started early." })).toEqual([]);
  });

  it("proposes only tags the scene does not have", () => {
    const lib = library({ tags: ["Outdoor", "Pool Party"] });
    expect(tagsIn(lib, { title: "outdoor pool party", tagIds: ["1"] })).toEqual([
      ["Pool Party", 1],
    ]);
  });

  it("finds a tag and a performer on the same words", () => {
    const lib = library({ performers: ["Candy"], tags: ["Candy"] });
    const s = scene(lib, { title: "Candy" });
    expect(namesProposed(analyzePerformers(s))).toEqual([["Candy", 0.85]]);
    expect(namesProposed(analyzeTags(s))).toEqual([["Candy", 1]]);
  });
});
