/**
 * Asks Stash's own schema (introspection) whether it has every type, field and argument our
 * queries use, so an old or changed Stash fails once, up front, with a message naming what is
 * missing and the Stash version, instead of failing every page with a 422. The same answer
 * says which renamed fields this release has (the dialect) and which fields we read that it
 * deprecates.
 */
import { z } from "zod";
import { AppError } from "../errors";
import { renamedFields, requiredSchema, typesRead, type StashDialect } from "./stash-queries";
import type { StashVersion } from "./types";

/** The releases stash-sync is tested against (tests/stash/release-matrix.test.ts). */
export const supportedStash = { oldest: "v0.25", newest: "v0.30.1" } as const;

const typeInfo = z
  .object({
    fields: z
      .array(
        z.object({
          name: z.string(),
          args: z.array(z.object({ name: z.string() })).optional(),
          deprecationReason: z.string().nullable().optional(),
        }),
      )
      .nullable()
      .optional(),
    inputFields: z
      .array(z.object({ name: z.string() }))
      .nullable()
      .optional(),
  })
  .nullable();

/**
 * One aliased __type lookup per type read, plus Query with its arguments. Deprecated fields
 * are listed only when asked for; inputFields takes no includeDeprecated argument because
 * gqlgen, Stash's GraphQL server, refuses it (gqlgen#2973) and we read no deprecated input.
 */
export function compatibilityQuery(): { query: string; aliases: Map<string, string> } {
  const aliases = new Map<string, string>();
  const parts = [
    'q: __type(name: "Query") { fields(includeDeprecated: true) { name args { name } deprecationReason } }',
  ];
  let i = 0;
  for (const type of typesRead()) {
    const alias = `t${i++}`;
    aliases.set(alias, type);
    parts.push(
      `${alias}: __type(name: ${JSON.stringify(type)}) { fields(includeDeprecated: true) { name deprecationReason } inputFields { name } }`,
    );
  }
  return { query: `query StashSyncCompatibility { ${parts.join(" ")} }`, aliases };
}

export interface SchemaFindings {
  dialect: StashDialect;
  /** What the server lacks, e.g. ["Scene.urls", "findScenes(ids:)"]; empty when compatible. */
  missing: string[];
  /** Fields we read that the server marks deprecated, e.g. "Studio.url (Use urls)". */
  deprecated: string[];
}

/** Reads the introspection answer: the dialect to query in, what is missing, what is deprecated. */
export function readSchemaFindings(
  data: Record<string, unknown>,
  aliases: Map<string, string>,
): SchemaFindings {
  /** Field name → deprecation reason (null when current), per type the server has. */
  const schema = new Map<string, Map<string, string | null>>();
  for (const [alias, type] of aliases) {
    const info = typeInfo.parse(data[alias]);
    if (!info) continue;
    schema.set(
      type,
      new Map([
        ...(info.fields ?? []).map((f) => [f.name, f.deprecationReason ?? null] as const),
        ...(info.inputFields ?? []).map((f) => [f.name, null] as const),
      ]),
    );
  }
  const has = (type: string, field: string) => schema.get(type)?.has(field) ?? false;
  const legacy = new Set<string>();
  for (const r of renamedFields()) {
    if (!has(r.type, r.current) && r.fallback.every((f) => has(r.type, f)))
      legacy.add(`${r.type}.${r.current}`);
  }
  const dialect: StashDialect = { legacy };

  const { types, queryArgs } = requiredSchema(dialect);
  const missing: string[] = [];
  const deprecated: string[] = [];
  const noteDeprecated = (name: string, reason: string | null | undefined) => {
    if (reason) deprecated.push(`${name} (${reason})`);
  };
  const query = typeInfo.parse(data.q);
  const queryFields = new Map((query?.fields ?? []).map((f) => [f.name, f]));
  for (const [field, args] of queryArgs) {
    const have = queryFields.get(field);
    if (!have) {
      missing.push(`Query.${field}`);
      continue;
    }
    noteDeprecated(`Query.${field}`, have.deprecationReason);
    const haveArgs = new Set((have.args ?? []).map((a) => a.name));
    for (const arg of args) if (!haveArgs.has(arg)) missing.push(`${field}(${arg}:)`);
  }
  for (const [type, fields] of types) {
    const have = schema.get(type);
    if (!have) {
      missing.push(type);
      continue;
    }
    for (const field of fields) {
      if (!have.has(field)) missing.push(`${type}.${field}`);
      else noteDeprecated(`${type}.${field}`, have.get(field));
    }
  }
  return { dialect, missing, deprecated };
}

export function incompatibleError(missing: string[], version: StashVersion): AppError {
  const named = version.version ?? (version.hash ? `build ${version.hash}` : "of unknown version");
  return new AppError(
    "STASH_INCOMPATIBLE",
    `This Stash (${named}) lacks what stash-sync reads: ${missing.join(", ")}. ` +
      `stash-sync supports Stash ${supportedStash.oldest} and later: update Stash.`,
    {
      missing,
      version: version.version,
      hash: version.hash,
      oldestSupported: supportedStash.oldest,
    },
  );
}
