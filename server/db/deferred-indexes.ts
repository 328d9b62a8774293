import { bulkWriter } from "./bulk-writer";
import { dialect, insertRows, quote, sql, toStatement, type Statement } from "./sql-dialect";

/**
 * Bulk loading without secondary indexes, as database restore tools do. Filling an empty
 * library is dominated by indexes that take rows in random order (a scene's tags land all
 * over scene_tag(tag_id)): each page's commit rewrites most of such an index, so the cost
 * grows with the library. Building an index once at the end is one sort.
 *
 * Definitions are saved in the setting table in the transaction that drops the indexes, so a
 * process killed in between leaves what is needed to rebuild them: the next sync and the next
 * server start (before its migrations, which may change those indexes) call
 * restoreDeferredIndexes. Reads stay correct meanwhile, only slower.
 */
const settingKey = "deferred_indexes";

interface IndexDefinition {
  name: string;
  definition: string;
}

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

/**
 * Rebuilds every deferred index (idempotent); returns the names rebuilt. One index per
 * transaction, the saved list shortened with each: the run's heartbeat, queued on the same
 * writer, gets through between them, so a long rebuild never looks like a dead process.
 */
export async function restoreDeferredIndexes(): Promise<string[]> {
  // A database before its first migration has nothing deferred (and no setting table).
  const [settingTable] = await bulkWriter().query(dialect.tableExists("setting"));
  if (!settingTable) return [];
  const saved = await savedDefinitions();
  for (let i = 0; i < saved.length; i++) {
    const rest = saved.slice(i + 1);
    await bulkWriter().write([
      { sql: ifNotExists(saved[i]!.definition), params: [] },
      ...(rest.length > 0
        ? saveDefinitions(rest)
        : [toStatement(sql`DELETE FROM "setting" WHERE "key" = ${settingKey}`)]),
    ]);
  }
  return saved.map((ix) => ix.name);
}

async function savedDefinitions(): Promise<IndexDefinition[]> {
  const [row] = await bulkWriter().query<{ value: string }>(
    toStatement(sql`SELECT "value" FROM "setting" WHERE "key" = ${settingKey}`),
  );
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
