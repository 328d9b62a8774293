import { rowReader } from "../db/row-reader";
import { sql, toStatement } from "../db/sql-dialect";
import type { LibraryNames } from "./analyzers/library-names";

interface NameRow {
  id: string;
  name: string;
  /** JSON array of strings, as the sync stores Stash's alias lists. */
  aliases: string;
}

/** A stored alias list; a hand-edited value that is not a list of strings counts as none. */
function aliasList(stored: string): string[] {
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((a): a is string => typeof a === "string") : [];
  } catch {
    return [];
  }
}

/** The names and aliases of every performer, tag and studio still in the library, read once per plan. */
export async function readLibraryNames(): Promise<LibraryNames> {
  const reader = rowReader();
  const [performers, tags, studios] = await Promise.all([
    reader.all<NameRow>(
      toStatement(sql`SELECT "id", "name", "aliases" FROM "performer" WHERE "removed_at" IS NULL`),
    ),
    reader.all<NameRow>(
      toStatement(sql`SELECT "id", "name", "aliases" FROM "tag" WHERE "removed_at" IS NULL`),
    ),
    reader.all<NameRow & { parent_id: string | null }>(
      toStatement(
        sql`SELECT "id", "name", "aliases", "parent_id" FROM "studio" WHERE "removed_at" IS NULL`,
      ),
    ),
  ]);
  const named = (row: NameRow) => ({ id: row.id, name: row.name, aliases: aliasList(row.aliases) });
  return {
    performers: performers.map(named),
    tags: tags.map(named),
    studios: studios.map((row) => ({ ...named(row), parentId: row.parent_id })),
  };
}
