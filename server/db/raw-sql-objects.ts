import type { DatabaseProvider } from "./provider";
import { openPostgresqlRowReader, openSqliteRowReader } from "./row-reader";

/**
 * Schema objects the migrations create in raw SQL because schema.prisma cannot describe them.
 * The drift check tells Prisma's engine to leave these tables alone, and checks instead that
 * the migrations build every object listed here: an object dropped or renamed by a migration
 * fails the check just as a missing column would.
 */
export const rawSqlObjects: Record<DatabaseProvider, { type: string; name: string }[]> = {
  sqlite: [
    // The scene search index (FTS5) and the tables FTS5 keeps its index in.
    { type: "table", name: "scene_search" },
    { type: "table", name: "scene_search_config" },
    { type: "table", name: "scene_search_data" },
    { type: "table", name: "scene_search_docsize" },
    { type: "table", name: "scene_search_idx" },
    // The names' search indexes (FTS5), their tables, and the triggers that keep them.
    ...(["studio", "performer", "tag"] as const).flatMap((table) => [
      ...["", "_config", "_data", "_docsize", "_idx"].map((suffix) => ({
        type: "table",
        name: `${table}_name_search${suffix}`,
      })),
      ...["insert", "rename", "delete"].map((event) => ({
        type: "trigger",
        name: `${table}_name_search_${event}`,
      })),
    ]),
  ],
  postgresql: [
    // The scene search text and its pg_trgm index.
    { type: "table", name: "scene_search" },
    { type: "index", name: "scene_search_text_idx" },
    // The names' search table, its pg_trgm index, and the triggers that keep it.
    { type: "table", name: "name_search" },
    { type: "index", name: "name_search_name_idx" },
    { type: "trigger", name: "studio_name_search" },
    { type: "trigger", name: "performer_name_search" },
    { type: "trigger", name: "tag_name_search" },
    // The number of scenes still in Stash, and the triggers that keep it.
    { type: "table", name: "present_scene_count" },
    ...["insert", "update", "delete", "truncate"].map((event) => ({
      type: "trigger",
      name: `scene_present_count_${event}`,
    })),
  ],
};

/** The tables Prisma's schema engine must not diff (they are not in schema.prisma). */
export function externalTables(provider: DatabaseProvider): string[] {
  const tables = rawSqlObjects[provider].filter((o) => o.type === "table").map((o) => o.name);
  // PostgreSQL's external tables are named with their schema.
  return provider === "sqlite" ? tables : tables.map((name) => `public.${name}`);
}

const catalog: Record<DatabaseProvider, string> = {
  sqlite: `SELECT "type", "name" FROM "sqlite_master"`,
  postgresql: `SELECT 'table' AS "type", "tablename" AS "name" FROM "pg_tables"
      WHERE "schemaname" = current_schema()
    UNION ALL SELECT 'index', "indexname" FROM "pg_indexes" WHERE "schemaname" = current_schema()
    UNION ALL SELECT 'trigger', "tgname" FROM "pg_trigger" WHERE NOT "tgisinternal"`,
};

/** The raw-SQL objects the migrations did not build in `target`, as SQL comments. */
export async function missingRawSqlObjects(
  provider: DatabaseProvider,
  target: string,
): Promise<string[]> {
  const reader =
    provider === "sqlite" ? openSqliteRowReader(target) : openPostgresqlRowReader(target);
  try {
    const rows = await reader.all<{ type: string; name: string }>({
      sql: catalog[provider],
      params: [],
    });
    const present = new Set(rows.map((row) => `${row.type} ${row.name}`));
    return rawSqlObjects[provider]
      .filter((o) => !present.has(`${o.type} ${o.name}`))
      .map(
        (o) => `-- The migrations no longer create the ${o.type} "${o.name}" (raw-sql-objects.ts).`,
      );
  } finally {
    reader.close();
  }
}
