import { describe, expect, it } from "vitest";
import { searchPlanFor } from "../../server/library/scene-list-search-plan";

const page = (share: number, page: number, present = 500_000) =>
  searchPlanFor({ share, present, skipped: (page - 1) * 50, pageSize: 50 });

// Figures from a 500,000-scene library (docs/decisions.md): reading the search index and sorting
// its matches costs about a third of testing a scene along the order's index.
describe("how a search is answered", () => {
  it("reads rare text from the search index and counts it exactly", () => {
    expect(page(0.01, 1)).toEqual({ searchBy: "index", searchShare: null });
    expect(page(0.5, 1, 15_000)).toEqual({ searchBy: "index", searchShare: null });
  });

  it("walks the order's index for a first page of common text, and estimates its total", () => {
    expect(page(0.08, 1)).toEqual({ searchBy: "scan", searchShare: 0.08 });
    expect(page(1, 1)).toEqual({ searchBy: "scan", searchShare: 1 });
  });

  it("walks to a deep page while that tests fewer scenes than a third of the matches", () => {
    // Page 20 of text in 13 % of scenes: 7,700 scenes tested against 65,000 matches read
    // ("ab" at 500,000 scenes: 178 ms against 1.65 s on SQLite, 137 ms against 1.40 s on
    // PostgreSQL).
    expect(page(0.13, 20).searchBy).toBe("scan");
    expect(page(0.13, 50).searchBy).toBe("scan");
    // Past that, reading every match costs less than testing the scenes before the page.
    expect(page(0.13, 60).searchBy).toBe("index");
    expect(page(0.03, 20).searchBy).toBe("index");
  });

  it("walks from a cursor, which skips nothing", () => {
    expect(searchPlanFor({ share: 0.03, present: 500_000, skipped: 0, pageSize: 50 })).toEqual({
      searchBy: "scan",
      searchShare: 0.03,
    });
  });
});
