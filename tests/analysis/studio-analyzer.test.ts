import { describe, expect, it } from "vitest";
import { analyzeStudio } from "../../server/analysis/analyzers/studio-analyzer";
import { analyzeTags } from "../../server/analysis/analyzers/tags-analyzer";
import { library, namesProposed, scene } from "./analysis-scene";

// Studios get ids in the order given: 1, 2, 3…
const lib = library({
  studios: ["Brazen Films", { name: "Brazen Extra", parent: "Brazen Films" }, "Sunset Studio"],
});

describe("the studio analyzer", () => {
  it("proposes the studio named in the path for a scene without one", () => {
    expect(analyzeStudio(scene(lib, { path: "/library/Sunset Studio/clip.mp4" }))).toEqual([
      {
        field: "studio",
        action: "set",
        current: null,
        proposed: { id: "3", name: "Sunset Studio" },
        confidence: 1,
        evidence: [{ source: "path", text: "Sunset Studio", start: 9, end: 22 }],
      },
    ]);
  });

  it("proposes replacing a different studio, saying which one it replaces", () => {
    const [proposal] = analyzeStudio(scene(lib, { studioId: "1", title: "Sunset Studio: dusk" }));
    expect(proposal).toMatchObject({ current: { id: "1" }, proposed: { id: "3" } });
  });

  it("proposes nothing when the texts also name the scene's own studio", () => {
    const facts = { studioId: "3", path: "/Sunset Studio/Brazen Films/clip.mp4" };
    expect(analyzeStudio(scene(lib, facts))).toEqual([]);
  });

  it("does not replace a studio by its parent network", () => {
    expect(analyzeStudio(scene(lib, { studioId: "2", path: "/Brazen Films/clip.mp4" }))).toEqual(
      [],
    );
  });

  it("proposes nothing when two studios are found equally well", () => {
    expect(analyzeStudio(scene(lib, { path: "/Brazen Films/Sunset Studio/clip.mp4" }))).toEqual([]);
  });

  it("takes the better of two studios found", () => {
    const [proposal] = analyzeStudio(scene(lib, { path: "/BrazenFilms/Sunset Studio/clip.mp4" }));
    expect(proposal).toMatchObject({ proposed: { id: "3" }, confidence: 1 });
  });
});

describe("the studio analyzer on tricky names", () => {
  const studioIn = (lib: ReturnType<typeof library>, facts: Parameters<typeof scene>[1]) =>
    namesProposed(analyzeStudio(scene(lib, facts)));

  it("weighs a one-word studio that is also a word by how it is written", () => {
    const lib = library({ studios: ["Vixen"] });
    expect(studioIn(lib, { path: "/library/Vixen/clip.mp4" })).toEqual([["Vixen", 0.85]]);
    expect(studioIn(lib, { title: "Vixen Nights" })).toEqual([["Vixen", 0.85]]);
    expect(studioIn(lib, { path: "/library/vixen/clip.mp4" })).toEqual([["Vixen", 0.6]]);
    expect(studioIn(lib, { details: "A vixen in the woods." })).toEqual([]);
    expect(studioIn(lib, { details: "A release by Vixen." })).toEqual([["Vixen", 1]]);
  });

  it("trusts a studio name shorter than three letters only in its own case", () => {
    const lib = library({ studios: ["XO"] });
    expect(studioIn(lib, { title: "hugs and xo" })).toEqual([]);
    expect(studioIn(lib, { title: "a night for XO" })).toEqual([["XO", 1]]);
  });

  it("never finds a studio inside a longer word", () => {
    const lib = library({ studios: ["Sunset", "Brazen Films"] });
    expect(studioIn(lib, { path: "/Sunsetting/BrazenFilmsX/clip.mp4" })).toEqual([]);
  });

  it("prefers the studio over more words where one studio's name holds another's", () => {
    const lib = library({ studios: ["Brazen", "Brazen Films"] });
    expect(studioIn(lib, { path: "/library/Brazen Films/clip.mp4" })).toEqual([
      ["Brazen Films", 1],
    ]);
  });

  it("finds a studio by its alias with 0.95, and without its accents with 0.9", () => {
    const lib = library({ studios: [{ name: "Ærø Media", aliases: ["Aero Pictures"] }] });
    expect(studioIn(lib, { path: "/library/Aero Pictures/clip.mp4" })).toEqual([
      ["Ærø Media", 0.95],
    ]);
    expect(studioIn(lib, { path: "/library/aero.media/clip.mp4" })).toEqual([["Ærø Media", 0.9]]);
  });

  it("proposes a studio and a tag that share a name, each for its own field", () => {
    const lib = library({ studios: ["Pool Party"], tags: ["Pool Party"] });
    const s = scene(lib, { title: "Pool Party: day one" });
    expect(namesProposed(analyzeStudio(s))).toEqual([["Pool Party", 1]]);
    expect(namesProposed(analyzeTags(s))).toEqual([["Pool Party", 1]]);
  });
});
