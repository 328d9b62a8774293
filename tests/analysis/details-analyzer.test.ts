import { describe, expect, it } from "vitest";
import { analyzeDetails } from "../../server/analysis/analyzers/details-analyzer";
import { cleanHtml } from "../../server/analysis/analyzers/clean-html";
import { analyzePerformers } from "../../server/analysis/analyzers/performers-analyzer";
import { evidenceTexts } from "../../server/analysis/analyzers/scene-under-analysis";
import { library, scene } from "./analysis-scene";

describe("details cleaned of HTML", () => {
  it("turns paragraphs and breaks into lines, entities into characters, and keeps link words", () => {
    expect(
      cleanHtml('<p>Sun &amp; sea.</p><p>Day one<br>at <a href="https://x.test">the beach</a></p>'),
    ).toBe("Sun & sea.\n\nDay one\nat the beach");
    expect(cleanHtml("<h2>Part one</h2><img src=x>Caf&eacute;")).toBe("Part one\n\nCafé");
  });

  it("leaves text without markup exactly as it is", () => {
    const text = "  A < B and C > D, spaces   kept ";
    expect(cleanHtml(text)).toBe(text);
  });

  it("proposes the cleaned text, pointing at the first markup in the details as stored", () => {
    const details = "Sun <b>and</b> sea";
    expect(analyzeDetails(scene(library({}), { details }))).toEqual([
      {
        field: "details",
        action: "set",
        current: details,
        proposed: "Sun and sea",
        confidence: 0.9,
        evidence: [{ source: "rawDetails", text: "<b>", start: 4, end: 7 }],
      },
    ]);
  });

  it("shows the markup in the stored details, and names in the cleaned text, each where it points", () => {
    const details = "<p>With <b>Jane Doe</b></p>";
    const s = scene(library({ performers: ["Jane Doe"] }), { details });
    const evidence = [...analyzeDetails(s), ...analyzePerformers(s)].flatMap((p) => p.evidence);
    const texts = evidenceTexts(s.facts, s.plainDetails());
    expect(texts.filter((t) => t.source !== "path" && t.source !== "filename")).toEqual([
      { source: "details", text: "With Jane Doe" },
      { source: "rawDetails", text: details },
    ]);
    for (const e of evidence) {
      const context = texts.find((t) => t.source === e.source)?.text;
      expect(context?.slice(e.start, e.end)).toBe(e.text);
    }
    expect(evidence.map((e) => e.text)).toEqual(["<p>", "Jane Doe"]);
  });

  it("proposes nothing for plain details or none", () => {
    expect(analyzeDetails(scene(library({}), { details: "Plain words." }))).toEqual([]);
    expect(analyzeDetails(scene(library({}), { details: null }))).toEqual([]);
  });
});
