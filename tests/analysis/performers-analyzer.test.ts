import { describe, expect, it } from "vitest";
import { analyzePerformers } from "../../server/analysis/analyzers/performers-analyzer";
import { library, namesProposed, scene } from "./analysis-scene";

describe("the performers analyzer", () => {
  it("proposes adding a performer named in the file name, with confidence 1, saying where", () => {
    const lib = library({ performers: ["Jane Doe"] });
    const [proposal] = analyzePerformers(scene(lib, { path: "/videos/Beach Day - Jane Doe.mp4" }));
    expect(proposal).toEqual({
      field: "performers",
      action: "add",
      current: null,
      proposed: { id: "1", name: "Jane Doe" },
      confidence: 1,
      evidence: [{ source: "filename", text: "Jane Doe", start: 12, end: 20 }],
    });
  });

  it("proposes each performer of a file name that names several", () => {
    const lib = library({ performers: ["Jane Doe", "John Roe", "Kim Lee"] });
    const found = analyzePerformers(scene(lib, { path: "/v/Jane Doe & john.roe - beach.mp4" }));
    expect(namesProposed(found)).toEqual([
      ["Jane Doe", 1],
      ["John Roe", 1],
    ]);
  });

  it("proposes only performers the scene does not list", () => {
    const lib = library({ performers: ["Jane Doe", "John Roe"] });
    const facts = { title: "Jane Doe and John Roe", performerIds: ["1"] };
    expect(namesProposed(analyzePerformers(scene(lib, facts)))).toEqual([["John Roe", 1]]);
    expect(analyzePerformers(scene(lib, { ...facts, performerIds: ["1", "2"] }))).toEqual([]);
  });

  it("takes a performer's best confidence over all texts, and keeps up to five pieces of evidence", () => {
    const lib = library({ performers: ["Jane Doe"] });
    const [proposal] = analyzePerformers(
      scene(lib, {
        path: "/JaneDoe/Jane Doe/janedoe/Jane Doe.mp4",
        title: "Jane Doe",
        details: "With Jane Doe.",
      }),
    );
    expect(proposal?.confidence).toBe(1);
    expect(proposal?.evidence.map((e) => [e.source, e.text])).toEqual([
      ["path", "JaneDoe"],
      ["path", "Jane Doe"],
      ["path", "janedoe"],
      ["filename", "Jane Doe"],
      ["title", "Jane Doe"],
    ]);
  });

  it("reads names with apostrophes in details with HTML, pointing into the text without markup", () => {
    const lib = library({ performers: ["D'Angelo Ray"] });
    const [proposal] = analyzePerformers(
      scene(lib, { details: "<p>With <b>D&#39;Angelo Ray</b></p>" }),
    );
    expect(proposal).toMatchObject({
      proposed: { name: "D'Angelo Ray" },
      confidence: 1,
      evidence: [{ source: "details", text: "D'Angelo Ray", start: 5, end: 17 }],
    });
  });

  it("offers a performer found only as a lower-case common word for review, far below a bulk approve", () => {
    const lib = library({ performers: ["Summer"] });
    expect(namesProposed(analyzePerformers(scene(lib, { path: "/v/summer/clip.mp4" })))).toEqual([
      ["Summer", 0.6],
    ]);
  });
});
