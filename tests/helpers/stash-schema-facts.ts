/**
 * Real Stash's schema per release (tests/fixtures/stash-schema-facts.json, derived from
 * stashapp/stash's .graphql files at each tag by scripts/derive-stash-schema-fixture.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export interface FactField {
  type: string;
  args?: Record<string, string>;
  deprecated?: string;
}

export type FactType =
  { kind: "object" | "input"; fields: Record<string, FactField> } | { enum: string[] };

export const schemaFacts = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "..", "fixtures", "stash-schema-facts.json"), "utf8"),
) as { source: string; releases: Record<string, Record<string, FactType>> };

export const factReleases = Object.keys(schemaFacts.releases);

/**
 * Types stash-sync reads that the facts leave out, as stashapp/stash's own .graphql files
 * define them at every supported tag (movie.graphql): the fields we read only.
 */
const beyondFacts: Record<string, FactType> = {
  Movie: { kind: "object", fields: { id: { type: "ID!" }, name: { type: "String!" } } },
};

/**
 * A release's facts in the shape of the answer to compatibilityQuery(): what Stash itself
 * would answer to stash-sync's schema check.
 */
export function introspectionAnswer(
  release: string,
  aliases: Map<string, string>,
): Record<string, unknown> {
  const types = schemaFacts.releases[release]!;
  const fieldsOf = (name: string) => {
    const type = types[name] ?? beyondFacts[name];
    return type && "fields" in type ? type : null;
  };
  const asFields = (fields: Record<string, FactField>) =>
    Object.entries(fields).map(([name, f]) => ({
      name,
      args: Object.keys(f.args ?? {}).map((arg) => ({ name: arg })),
      deprecationReason: f.deprecated ?? null,
    }));
  const answer: Record<string, unknown> = { q: { fields: asFields(fieldsOf("Query")!.fields) } };
  for (const [alias, name] of aliases) {
    const type = fieldsOf(name);
    answer[alias] = !type
      ? null
      : type.kind === "input"
        ? { fields: null, inputFields: asFields(type.fields) }
        : { fields: asFields(type.fields), inputFields: null };
  }
  return answer;
}
