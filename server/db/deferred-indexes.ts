import { bulkWriter } from "./bulk-writer";
import { dialect, insertRows, type Statement } from "./sql-dialect";

/**
 * Bulk loading without secondary indexes, as database restore tools do. Filling an empty
 * library is dominated by indexes that take rows in random order (a scene's tags land all
 * over scene_tag(tag_id)): each page's commit rewrites most of such an index, so the cost
 * grows with the library. Building an index once at the end is one sort.
 *
 * Definitions are saved in the setting table in the transaction that drops the indexes, so a
 * process killed in between leaves what is needed to rebuild them: the next sync and the next
 * server start call restoreDeferredIndexes. Reads stay correct meanwhile, only slower.
 */
const settingKey = "deferred_indexes";

interface IndexDefinition {
  name: string;
  definition: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Drops the tables' secondary indexes until restoreDeferredIndexes. Returns their names. */
export async function deferSecondaryIndexes(tables: string[]): Promise<string[]> {
  const writer = bulkWriter();
  const indexes = await writer.query<IndexDefinition>(dialect.secondaryIndexes(tables));
  if (indexes.length === 0) return [];
  const saved = [...(await savedDefinitions()), ...indexes];
  await writer.write([
    ...saveDefinitions(saved),
    ...indexes.map((ix) => ({ sql: `DROP INDEX IF EXISTS ${quote(ix.name)}`, params: [] })),
  ]);
  return indexes.map((ix) => ix.name);
}

/** Rebuilds every deferred index (idempotent). Returns the names rebuilt. */
export async function restoreDeferredIndexes(): Promise<string[]> {
  const saved = await savedDefinitions();
  if (saved.length === 0) return [];
  await bulkWriter().write([
    ...saved.map((ix) => ({ sql: ifNotExists(ix.definition), params: [] })),
    { sql: 'DELETE FROM "setting" WHERE "key" = ?', params: [settingKey] },
  ]);
  return saved.map((ix) => ix.name);
}

async function savedDefinitions(): Promise<IndexDefinition[]> {
  const [row] = await bulkWriter().query<{ value: string }>({
    sql: 'SELECT "value" FROM "setting" WHERE "key" = ?',
    params: [settingKey],
  });
  return row ? (JSON.parse(row.value) as IndexDefinition[]) : [];
}

function saveDefinitions(indexes: IndexDefinition[]): Statement[] {
  return insertRows(
    "setting",
    ["key", "value", "updated_at"],
    [[settingKey, JSON.stringify(indexes), new Date()]],
    { key: ["key"], update: ["value", "updated_at"] },
  );
}

/** The saved CREATE INDEX as CREATE INDEX IF NOT EXISTS, so a repeated restore is harmless. */
function ifNotExists(definition: string): string {
  return definition.replace(/^CREATE INDEX (?!IF NOT EXISTS)/i, "CREATE INDEX IF NOT EXISTS ");
}
