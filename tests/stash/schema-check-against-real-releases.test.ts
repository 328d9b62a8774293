/**
 * stash-sync's schema check run on the real schema of every supported release (the facts
 * fixture), not on the simulator's: each release passes, with the renamed fields it has.
 */
import { describe, expect, it } from "vitest";
import { compatibilityQuery, readSchemaFindings } from "../../server/stash/check-compatibility";
import { factReleases, introspectionAnswer } from "../helpers/stash-schema-facts";

const { query, aliases } = compatibilityQuery();
const findings = (answer: Record<string, unknown>) => readSchemaFindings(answer, aliases);

/** The older fields each release needs, by the current field they stand in for. */
const expectedLegacy: Record<string, string[]> = {
  "v0.25.1": ["Performer.urls", "Scene.groups", "Studio.urls"],
  "v0.26.2": ["Performer.urls", "Scene.groups", "Studio.urls"],
  "v0.27.2": ["Studio.urls"],
  "v0.28.1": ["Studio.urls"],
  "v0.29.3": ["Studio.urls"],
  "v0.30.1": [],
};

describe("the schema check on real Stash releases", () => {
  it("covers every release of the facts", () => {
    expect(factReleases).toEqual(Object.keys(expectedLegacy));
  });

  for (const release of factReleases) {
    it(`accepts ${release}, reading current fields where it has them and no deprecated one`, () => {
      const result = findings(introspectionAnswer(release, aliases));
      expect(result.missing).toEqual([]);
      expect(result.deprecated).toEqual([]);
      expect([...result.dialect.legacy].sort()).toEqual(expectedLegacy[release]);
    });
  }

  it("warns about a deprecated field it still reads instead of refusing the server", () => {
    const answer = introspectionAnswer("v0.30.1", aliases);
    const alias = [...aliases].find(([, type]) => type === "Studio")![0];
    const studio = answer[alias] as {
      fields: { name: string; deprecationReason: string | null }[];
    };
    studio.fields.find((f) => f.name === "urls")!.deprecationReason = "Use links";
    const result = findings(answer);
    expect(result.missing).toEqual([]);
    expect(result.deprecated).toEqual(["Studio.urls (Use links)"]);
  });

  it("names a field that is missing in both its current and its older form", () => {
    const answer = introspectionAnswer("v0.30.1", aliases);
    const alias = [...aliases].find(([, type]) => type === "Studio")![0];
    const studio = answer[alias] as { fields: { name: string }[] };
    studio.fields = studio.fields.filter((f) => f.name !== "url" && f.name !== "urls");
    expect(findings(answer).missing).toEqual(["Studio.urls"]);
  });

  it("asks for deprecated fields, but never with an argument gqlgen refuses", () => {
    expect(query).toContain("fields(includeDeprecated: true)");
    expect(query).not.toMatch(/inputFields\(|args\(/);
  });
});
