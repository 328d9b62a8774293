import { describe, expect, it } from "vitest";
import { analyzeStudio } from "../../server/analysis/analyzers/studio-analyzer";
import { library, scene } from "./analysis-scene";

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
