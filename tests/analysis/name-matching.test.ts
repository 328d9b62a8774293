import { describe, expect, it } from "vitest";
import { analyzePerformers } from "../../server/analysis/analyzers/performers-analyzer";
import { analyzeTags } from "../../server/analysis/analyzers/tags-analyzer";
import { library, scene } from "./analysis-scene";

const performersIn = (lib: ReturnType<typeof library>, facts: Parameters<typeof scene>[1]) =>
  analyzePerformers(scene(lib, facts)).map((p) => [
    (p.proposed as { name: string }).name,
    p.confidence,
  ]);

describe("finding performers by name", () => {
  it("finds an exact name in the file name with confidence 1, and says where", () => {
    const lib = library({ performers: ["Jane Doe"] });
    const [proposal] = analyzePerformers(scene(lib, { path: "/videos/Beach Day - Jane Doe.mp4" }));
    expect(proposal).toMatchObject({
      field: "performers",
      action: "add",
      current: null,
      proposed: { id: "1", name: "Jane Doe" },
      confidence: 1,
      evidence: [{ source: "filename", text: "Jane Doe", start: 12, end: 20 }],
    });
  });

  it("treats dots, dashes, underscores, brackets and case as word boundaries, not differences", () => {
    const lib = library({ performers: ["Jane Doe"] });
    for (const path of [
      "/v/jane.doe.beach.mp4",
      "/v/jane_doe_beach.mp4",
      "/v/jane-doe-beach.mp4",
      "/v/[JANE DOE] beach.mp4",
      "/v/Jane Doe/beach.mp4",
    ]) {
      expect(performersIn(lib, { path })).toEqual([["Jane Doe", 1]]);
    }
  });

  it("finds an alias with confidence 0.95", () => {
    const lib = library({ performers: [{ name: "Jane Doe", aliases: ["Janie D"] }] });
    expect(performersIn(lib, { title: "Janie D at the beach" })).toEqual([["Jane Doe", 0.95]]);
  });

  it("never matches a name inside a longer word", () => {
    const lib = library({ performers: ["Ann", "Mia", "Jane Doe"] });
    expect(performersIn(lib, { path: "/Annabelle/Miami_trip.mp4", title: "Janet Doerr" })).toEqual(
      [],
    );
  });

  it("trusts names shorter than three letters only in their own case", () => {
    const lib = library({ performers: ["Al", "Bo Li"] });
    expect(performersIn(lib, { title: "Mark, Paul et al" })).toEqual([]);
    expect(performersIn(lib, { title: "Al goes home" })).toEqual([["Al", 1]]);
    expect(performersIn(lib, { path: "/v/AL.mp4" })).toEqual([]);
    // A short word inside a longer name is fine: the name as a whole is long enough.
    expect(performersIn(lib, { path: "/v/bo.li.mp4" })).toEqual([["Bo Li", 1]]);
  });

  it("weighs a one-word name written as the common word: weak in a path, nothing in details", () => {
    const lib = library({ performers: ["Angel", "Summer"] });
    expect(performersIn(lib, { path: "/videos/summer/clip.mp4" })).toEqual([["Summer", 0.6]]);
    expect(performersIn(lib, { details: "An angel sings in summer." })).toEqual([]);
    expect(performersIn(lib, { details: "Angel sings." })).toEqual([["Angel", 1]]);
  });

  it("folds accents: exact as written is 1, matched only without accents is 0.9", () => {
    const lib = library({ performers: ["Zoë Saldaña", "Renee Olstead"] });
    expect(performersIn(lib, { title: "Zoë Saldaña interview" })).toEqual([["Zoë Saldaña", 1]]);
    expect(performersIn(lib, { path: "/v/zoe_saldana.mp4" })).toEqual([["Zoë Saldaña", 0.9]]);
    expect(performersIn(lib, { title: "Renée Olstead" })).toEqual([["Renee Olstead", 0.9]]);
    // macOS writes file names decomposed (e + combining diaeresis): still the same name.
    expect(performersIn(lib, { path: "/v/Zoe\u0308 Saldan\u0303a.mp4" })).toEqual([
      ["Zoë Saldaña", 1],
    ]);
  });

  it("scores partial spellings: words run together 0.8, family name first 0.7, less 0.05 for an alias", () => {
    const lib = library({ performers: [{ name: "Jane Doe", aliases: ["Janie Dee"] }] });
    expect(performersIn(lib, { path: "/v/JaneDoe_beach.mp4" })).toEqual([["Jane Doe", 0.8]]);
    expect(performersIn(lib, { title: "Doe, Jane: beach" })).toEqual([["Jane Doe", 0.7]]);
    expect(performersIn(lib, { path: "/v/JanieDee.mp4" })).toEqual([["Jane Doe", 0.75]]);
  });

  it("keeps the best evidence of a performer named several times, up to five places", () => {
    const lib = library({ performers: ["Jane Doe"] });
    const [proposal] = analyzePerformers(
      scene(lib, { path: "/Jane Doe/janedoe.mp4", title: "Jane Doe" }),
    );
    expect(proposal?.confidence).toBe(1);
    expect(proposal?.evidence.map((e) => e.source)).toEqual(["path", "filename", "title"]);
  });

  it("prefers the name over more words where names overlap", () => {
    const lib = library({ performers: ["Anna", "Anna Bell"] });
    expect(performersIn(lib, { title: "Anna Bell at home" })).toEqual([["Anna Bell", 1]]);
  });

  it("proposes nothing for a name two performers share at the same confidence", () => {
    const lib = library({
      performers: ["Jane Doe", "Jane Doe", { name: "Kim", aliases: ["Jo Kim"] }, "Jo Kim"],
    });
    expect(performersIn(lib, { title: "Jane Doe" })).toEqual([]);
    // An exact name beats another performer's alias.
    expect(performersIn(lib, { title: "Jo Kim" })).toEqual([["Jo Kim", 1]]);
  });

  it("proposes only performers the scene does not list", () => {
    const lib = library({ performers: ["Jane Doe", "John Roe"] });
    expect(performersIn(lib, { title: "Jane Doe and John Roe", performerIds: ["1"] })).toEqual([
      ["John Roe", 1],
    ]);
  });

  it("reads names with apostrophes and details with HTML", () => {
    const lib = library({ performers: ["D'Angelo Ray"] });
    expect(performersIn(lib, { details: "<p>With <b>D&#39;Angelo Ray</b></p>" })).toEqual([
      ["D'Angelo Ray", 1],
    ]);
  });
});

describe("finding tags by name", () => {
  it("matches tags in any case, since tags are common words", () => {
    const lib = library({ tags: ["Outdoor", "Pool Party"] });
    const found = analyzeTags(scene(lib, { details: "Filmed outdoor at a pool party." }));
    expect(found.map((p) => [(p.proposed as { name: string }).name, p.confidence])).toEqual([
      ["Outdoor", 1],
      ["Pool Party", 1],
    ]);
  });

  it("matches a short tag only in its own case", () => {
    const lib = library({ tags: ["VR", "4K"] });
    const names = (path: string) =>
      analyzeTags(scene(lib, { path })).map((p) => (p.proposed as { name: string }).name);
    expect(names("/v/beach.VR.4K.mp4")).toEqual(["VR", "4K"]);
    expect(names("/v/beach.vr.4k.mp4")).toEqual([]);
  });

  it("finds a tag and a performer on the same words", () => {
    const lib = library({ performers: ["Candy"], tags: ["Candy"] });
    const s = scene(lib, { title: "Candy" });
    expect(analyzePerformers(s)).toHaveLength(1);
    expect(analyzeTags(s)).toHaveLength(1);
  });
});
