// Writes tests/fixtures/stash-schema-facts.json from the facts about real Stash's schema, read
// from stashapp/stash at each release tag (../shared/stash/schema-facts.json by default).
// Usage: npx tsx scripts/derive-stash-schema-fixture.ts [path/to/schema-facts.json]
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const source = process.argv[2] ?? path.join("..", "shared", "stash", "schema-facts.json");
const facts = JSON.parse(readFileSync(source, "utf8")) as {
  source: string;
  releases: Record<string, Record<string, unknown>>;
};

/** Keys sorted at every level, so a regenerated fixture differs only where the facts do. */
const sorted = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sorted)
    : value !== null && typeof value === "object"
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, v]) => [k, sorted(v)]),
        )
      : value;

const out = path.join("tests", "fixtures", "stash-schema-facts.json");
writeFileSync(
  out,
  `${JSON.stringify({ source: facts.source, releases: sorted(facts.releases) }, null, 1)}\n`,
);
console.log(`Wrote ${out} (${Object.keys(facts.releases).join(", ")})`);
