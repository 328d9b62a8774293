import { copyText } from "./postgresql-copy-text";
import { toPostgres } from "./postgresql-values";
import { quote, type RowsInsert } from "./sql-dialect";

/** Runs a read on the writer's connection. */
type CatalogQuery = <T>(sql: string) => Promise<T[]>;

/**
 * PostgreSQL's forms of a many-row INSERT, one statement per insert whose data are column
 * arrays (docs/decisions.md):
 * - with an ON CONFLICT tail, `INSERT … SELECT * FROM unnest($1::text[], $2::integer[], …) …`,
 *   faster than multi-row VALUES or COPY into a temp table and merge; casting the arrays needs
 *   each column's type, read once from the catalog per connection;
 * - without one (rows known not to be stored), `COPY … FROM STDIN`, the writer's thread
 *   its text built here (postgresql-copy-text.ts) and sent by the writer's thread.
 */
export function rowInsertStatements() {
  let types: Map<string, Map<string, string>> | undefined;
  const texts = new Map<string, string>();

  async function readTypes(query: CatalogQuery) {
    const rows = await query<{ table: string; column: string; type: string }>(
      `SELECT c."relname" AS "table", a."attname" AS "column",
         format_type(a."atttypid", a."atttypmod") AS "type"
       FROM "pg_attribute" a JOIN "pg_class" c ON c."oid" = a."attrelid"
       WHERE c."relnamespace" = current_schema()::regnamespace AND c."relkind" = 'r'
         AND a."attnum" > 0 AND NOT a."attisdropped"`,
    );
    const byTable = new Map<string, Map<string, string>>();
    for (const row of rows) {
      const table = byTable.get(row.table) ?? new Map<string, string>();
      table.set(row.column, row.type);
      byTable.set(row.table, table);
    }
    return byTable;
  }

  /** The statement for `insert` (`query` reads the types the first time). */
  return async function statementFor(query: CatalogQuery, insert: RowsInsert) {
    const { table, columns, rows, tail } = insert;
    if (tail === "")
      return {
        sql: `COPY ${quote(table)} (${columns.map(quote).join(", ")}) FROM STDIN`,
        params: [],
        copy: copyText(rows, columns.length),
      };
    const params = columns.map((_, c) => rows.map((row) => toPostgres(row[c] ?? null)));
    const key = `${table}|${columns.join(",")}|${tail}`;
    let sql = texts.get(key);
    if (sql === undefined) {
      // A table made after the types were read (a migration while running) reads them again.
      if (!types?.has(table)) types = await readTypes(query);
      const columnTypes = types.get(table);
      const casts = columns.map((column, i) => {
        const type = columnTypes?.get(column);
        if (!type) throw new Error(`PostgreSQL has no column ${table}.${column}`);
        return `$${i + 1}::${type}[]`;
      });
      sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) SELECT * FROM unnest(${casts.join(", ")})${tail}`;
      texts.set(key, sql);
    }
    return { sql, params };
  };
}
