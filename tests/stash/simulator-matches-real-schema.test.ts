/**
 * The simulator's schema for each release against real Stash's (the facts fixture): every
 * type, field, argument, enum value and deprecation it serves is exactly as that release has
 * it, so the simulator cannot drift from real Stash unnoticed.
 */
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
} from "graphql";
import { describe, expect, it } from "vitest";
import { stashSchemaSdl } from "../../stash-sim/schema-sdl";
import { stashReleases } from "../../stash-sim/releases";
import { factReleases, schemaFacts, type FactField } from "../helpers/stash-schema-facts";

/**
 * Types the simulator serves that the facts do not cover: scalars, Movie (see below), and
 * SceneMovieInput (stashapp/stash's scene.graphql: `movie_id: ID!`, `scene_index: Int`).
 */
const beyondFacts = new Set(["Time", "Int64", "Movie", "SceneMovieInput"]);

type AnyField = GraphQLField<unknown, unknown> | GraphQLInputField;

function asFact(field: AnyField): FactField {
  const args = "args" in field ? (field.args as readonly GraphQLArgument[]) : [];
  return {
    type: String(field.type),
    ...(args.length > 0
      ? { args: Object.fromEntries(args.map((a) => [a.name, String(a.type)])) }
      : {}),
    ...(field.deprecationReason ? { deprecated: field.deprecationReason } : {}),
  };
}

describe("the simulator serves real Stash's schema", () => {
  it("plays exactly the releases the facts cover", () => {
    expect([...stashReleases]).toEqual(factReleases);
  });

  for (const release of stashReleases) {
    it(`matches ${release} in every type, field, argument, enum value and deprecation it serves`, () => {
      const facts = schemaFacts.releases[release]!;
      const schema = buildSchema(stashSchemaSdl(release));
      const differences: string[] = [];
      for (const type of Object.values(schema.getTypeMap())) {
        if (
          type.name.startsWith("__") ||
          ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)
        )
          continue;
        const fact = facts[type.name];
        if (!fact) {
          if (!beyondFacts.has(type.name)) differences.push(`${type.name}: not in ${release}`);
          continue;
        }
        if (isEnumType(type)) {
          const values = type.getValues().map((v) => v.name);
          if (!("enum" in fact) || JSON.stringify(values) !== JSON.stringify(fact.enum))
            differences.push(`${type.name}: values ${values.join(",")}`);
          continue;
        }
        if (!(isObjectType(type) || isInputObjectType(type)) || !("fields" in fact)) {
          differences.push(`${type.name}: a different kind of type`);
          continue;
        }
        if ((fact.kind === "input") !== isInputObjectType(type))
          differences.push(`${type.name}: input and object swapped`);
        for (const field of Object.values(type.getFields())) {
          const real = fact.fields[field.name];
          const served = asFact(field);
          if (!real) differences.push(`${type.name}.${field.name}: not in ${release}`);
          else if (canonical(served) !== canonical(real))
            differences.push(
              `${type.name}.${field.name}: serves ${JSON.stringify(served)}, real ${JSON.stringify(real)}`,
            );
        }
      }
      expect(differences).toEqual([]);
    });
  }

  // Movie is outside the facts; stashapp/stash's movie.graphql has `id: ID!` and `name: String!`.
  it("serves Movie as Stash does, for releases that read scenes' movies", () => {
    for (const release of stashReleases) {
      const movie = buildSchema(stashSchemaSdl(release)).getType("Movie");
      expect(isObjectType(movie) && Object.values(movie.getFields()).map(asFact)).toEqual([
        { type: "ID!" },
        { type: "String!" },
      ]);
    }
  });
});

/** JSON with sorted keys: argument order and key order do not make a difference. */
function canonical(field: FactField): string {
  const args = Object.entries(field.args ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([field.type, args, field.deprecated ?? null]);
}
