/**
 * Asks Stash's own schema (introspection) whether it has every type, field and argument our
 * queries use, so an old or changed Stash fails once, up front, with a message naming what is
 * missing and the Stash version, instead of failing every page with a 422.
 */
import { z } from "zod";
import { AppError } from "../errors";
import { requiredSchema } from "./stash-queries";
import type { StashVersion } from "./types";

const typeInfo = z
  .object({
    fields: z
      .array(
        z.object({ name: z.string(), args: z.array(z.object({ name: z.string() })).optional() }),
      )
      .nullable()
      .optional(),
    inputFields: z
      .array(z.object({ name: z.string() }))
      .nullable()
      .optional(),
  })
  .nullable();

/** One aliased __type lookup per required type, plus Query with its arguments. */
export function compatibilityQuery(): { query: string; aliases: Map<string, string> } {
  const { types } = requiredSchema();
  const aliases = new Map<string, string>();
  const parts = ['q: __type(name: "Query") { fields { name args { name } } }'];
  let i = 0;
  for (const type of types.keys()) {
    const alias = `t${i++}`;
    aliases.set(alias, type);
    parts.push(
      `${alias}: __type(name: ${JSON.stringify(type)}) { fields { name } inputFields { name } }`,
    );
  }
  return { query: `query StashSyncCompatibility { ${parts.join(" ")} }`, aliases };
}

/** Names what the server lacks, e.g. ["Scene.urls", "findScenes(ids:)"]; empty when compatible. */
export function missingFields(
  data: Record<string, unknown>,
  aliases: Map<string, string>,
): string[] {
  const { types, queryArgs } = requiredSchema();
  const missing: string[] = [];
  const query = typeInfo.parse(data.q);
  const queryFields = new Map(
    (query?.fields ?? []).map((f) => [f.name, new Set((f.args ?? []).map((a) => a.name))]),
  );
  for (const [field, args] of queryArgs) {
    const have = queryFields.get(field);
    if (!have) missing.push(`Query.${field}`);
    else for (const arg of args) if (!have.has(arg)) missing.push(`${field}(${arg}:)`);
  }
  for (const [alias, type] of aliases) {
    const info = typeInfo.parse(data[alias]);
    if (!info) {
      missing.push(type);
      continue;
    }
    const have = new Set([...(info.fields ?? []), ...(info.inputFields ?? [])].map((f) => f.name));
    for (const field of types.get(type) ?? [])
      if (!have.has(field)) missing.push(`${type}.${field}`);
  }
  return missing;
}

export function incompatibleError(missing: string[], version: StashVersion): AppError {
  const named = version.version ?? (version.hash ? `build ${version.hash}` : "of unknown version");
  return new AppError(
    "STASH_INCOMPATIBLE",
    `This Stash (${named}) lacks what stash-sync reads: ${missing.join(", ")}. Update Stash to a current release.`,
    { missing, version: version.version, hash: version.hash },
  );
}
