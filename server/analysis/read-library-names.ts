import { rowReader } from "../db/row-reader";
import { sql, toStatement } from "../db/sql-dialect";
import type { LibraryNames } from "./analyzers/library-names";

interface NameRow {
  id: string;
  name: string;
}

/**
 * The names of every performer, tag and studio still in the library, read once per plan. The
 * mirror does not store Stash's aliases yet, so every alias list is empty.
 */
export async function readLibraryNames(): Promise<LibraryNames> {
  const reader = rowReader();
  const [performers, tags, studios] = await Promise.all([
    reader.all<NameRow>(
      toStatement(sql`SELECT "id", "name" FROM "performer" WHERE "removed_at" IS NULL`),
    ),
    reader.all<NameRow>(
      toStatement(sql`SELECT "id", "name" FROM "tag" WHERE "removed_at" IS NULL`),
    ),
    reader.all<NameRow & { parent_id: string | null }>(
      toStatement(sql`SELECT "id", "name", "parent_id" FROM "studio" WHERE "removed_at" IS NULL`),
    ),
  ]);
  const named = (row: NameRow) => ({ id: row.id, name: row.name, aliases: [] });
  return {
    performers: performers.map(named),
    tags: tags.map(named),
    studios: studios.map((row) => ({ ...named(row), parentId: row.parent_id })),
  };
}
