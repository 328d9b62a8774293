import pg from "pg";
import { AppError } from "../../errors";
import { migrationTarget } from "../database-file";
import { rawTypes, toPostgres } from "../postgresql-values";
import { quote } from "../sql-dialect";
import { postgresqlTextSearch } from "../text-search";
import {
  chunkRows,
  copyMarkerTable,
  notCopied,
  parentsFirst,
  type ColumnKind,
  type CopyEndpoint,
  type CopyTable,
  type CopyValue,
} from "./copy-endpoint";

// The wire protocol numbers parameters with 16 bits.
const maxParameters = 30_000;

/** A PostgreSQL database as one side of a copy, over one connection. */
export async function openPostgresqlCopyEndpoint(url: string): Promise<CopyEndpoint> {
  const skipped = notCopied("postgresql");
  const name = migrationTarget(url).name;
  const client = new pg.Client({ connectionString: url, types: rawTypes });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw unreachable(name, error);
  }
  // A dropped connection must not crash the process; the next query reports it.
  client.on("error", () => {});
  const query = async (sql: string, params: unknown[] = []) =>
    (await client.query(sql, params)).rows as Record<string, unknown>[];
  const placeholders = (count: number, from = 0) =>
    Array.from({ length: count }, (_, i) => `$${from + i + 1}`).join(", ");
  const keyList = (table: CopyTable) => table.key.map(quote).join(", ");
  const fromPostgres = (kind: ColumnKind, value: unknown): CopyValue => {
    if (value === null || value === undefined) return null;
    // rawTypes reads timestamps as UTC text.
    if (kind === "timestamp") return new Date(value as string);
    return value as CopyValue;
  };
  return {
    provider: "postgresql",
    name,
    async tables() {
      const names = (
        await query(
          `SELECT "table_name" FROM "information_schema"."tables"
           WHERE "table_schema" = current_schema() AND "table_type" = 'BASE TABLE'`,
        )
      ).map((row) => row.table_name as string);
      const tables: CopyTable[] = [];
      for (const table of names.filter((n) => !skipped.has(n))) {
        const columns = await query(
          `SELECT "column_name", "data_type" FROM "information_schema"."columns"
           WHERE "table_schema" = current_schema() AND "table_name" = $1 ORDER BY "ordinal_position"`,
          [table],
        );
        const key = await query(
          `SELECT a."attname" FROM "pg_index" i
           CROSS JOIN LATERAL unnest(i."indkey") WITH ORDINALITY AS k("attnum", "n")
           JOIN "pg_attribute" a ON a."attrelid" = i."indrelid" AND a."attnum" = k."attnum"
           WHERE i."indrelid" = to_regclass(quote_ident($1)) AND i."indisprimary" ORDER BY k."n"`,
          [table],
        );
        const references = await query(
          `SELECT DISTINCT r."relname" FROM "pg_constraint" c JOIN "pg_class" r ON r."oid" = c."confrelid"
           WHERE c."contype" = 'f' AND c."conrelid" = to_regclass(quote_ident($1))`,
          [table],
        );
        tables.push({
          name: table,
          columns: columns.map((c) => ({
            name: c.column_name as string,
            kind: kindOf(c.data_type as string),
          })),
          key: key.map((row) => row.attname as string),
          references: references.map((row) => row.relname as string),
        });
      }
      return parentsFirst(tables);
    },
    async count(table) {
      return Number((await query(`SELECT COUNT(*) AS "n" FROM ${quote(table)}`))[0]!.n);
    },
    async readAfter(table, after, limit) {
      const columns = table.columns.map((c) => quote(c.name)).join(", ");
      const where = after ? `WHERE (${keyList(table)}) > (${placeholders(after.length)})` : "";
      const params = [...(after ?? []).map(toPostgres), limit];
      const result = await client.query({
        text: `SELECT ${columns} FROM ${quote(table.name)} ${where} ORDER BY ${keyList(table)} LIMIT $${params.length}`,
        values: params,
        rowMode: "array",
      });
      return (result.rows as unknown[][]).map((row) =>
        row.map((value, i) => fromPostgres(table.columns[i]!.kind, value)),
      );
    },
    async keyAt(table, position) {
      const result = await client.query({
        text: `SELECT ${keyList(table)} FROM ${quote(table.name)} ORDER BY ${keyList(table)} LIMIT 1 OFFSET $1`,
        values: [position],
        rowMode: "array",
      });
      return (result.rows[0] as CopyValue[] | undefined) ?? null;
    },
    async hasKey(table, key) {
      const where = table.key.map((c, i) => `${quote(c)} = $${i + 1}`).join(" AND ");
      return (
        (await query(`SELECT 1 FROM ${quote(table.name)} WHERE ${where}`, key.map(toPostgres)))
          .length > 0
      );
    },
    async insert(table, rows) {
      const columns = table.columns.map((c) => quote(c.name)).join(", ");
      const width = table.columns.length;
      await client.query("BEGIN");
      try {
        for (const chunk of chunkRows(rows, width, maxParameters)) {
          const values = chunk.map((_, r) => `(${placeholders(width, r * width)})`).join(", ");
          await client.query(
            `INSERT INTO ${quote(table.name)} (${columns}) VALUES ${values}`,
            chunk.flat().map(toPostgres),
          );
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    },
    async copyMarker() {
      const exists = await query(`SELECT to_regclass(quote_ident($1)) AS "found"`, [
        copyMarkerTable,
      ]);
      if (exists[0]?.found === null) return null;
      const rows = await query(`SELECT "source" FROM ${quote(copyMarkerTable)}`);
      return (rows[0]?.source as string | undefined) ?? null;
    },
    async setCopyMarker(source) {
      if (source === null) {
        await query(`DROP TABLE IF EXISTS ${quote(copyMarkerTable)}`);
        return;
      }
      await query("BEGIN");
      await query(`CREATE TABLE IF NOT EXISTS ${quote(copyMarkerTable)} ("source" TEXT NOT NULL)`);
      await query(`DELETE FROM ${quote(copyMarkerTable)}`);
      await query(`INSERT INTO ${quote(copyMarkerTable)} ("source") VALUES ($1)`, [source]);
      await query("COMMIT");
    },
    async finish(tables) {
      // Serial columns draw from sequences that the copied rows did not advance.
      const serials = await query(
        `SELECT "table_name", "column_name" FROM "information_schema"."columns"
         WHERE "table_schema" = current_schema() AND "column_default" LIKE 'nextval(%'`,
      );
      for (const row of serials) {
        const table = quote(row.table_name as string);
        const column = quote(row.column_name as string);
        await query(
          `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(${column}) FROM ${table}), 0) + 1, false)`,
          [table, row.column_name],
        );
      }
      await query("BEGIN");
      for (const statement of postgresqlTextSearch.rebuildSql) await query(statement);
      await query("COMMIT");
      // Fresh statistics and visibility map, so the planner picks index-only scans at once.
      for (const table of tables) await query(`VACUUM (ANALYZE) ${quote(table.name)}`);
    },
    async close() {
      await client.end();
    },
  };
}

function kindOf(dataType: string): ColumnKind {
  if (dataType === "boolean") return "boolean";
  if (dataType.startsWith("timestamp")) return "timestamp";
  if (dataType === "integer" || dataType === "bigint" || dataType === "smallint") return "integer";
  if (dataType === "double precision" || dataType === "real" || dataType === "numeric")
    return "real";
  return "text";
}

/** A connection that failed, as a message a person can act on. */
function unreachable(name: string, error: unknown): AppError {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const reason =
    code === "3D000"
      ? "the database does not exist (create it first, e.g. with createdb)"
      : code === "28P01" || code === "28000"
        ? "the server refused the user name or password"
        : code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT"
          ? `no PostgreSQL server answers there (${code})`
          : (message ?? String(error));
  return new AppError(
    "CONFIG_INVALID",
    `Could not connect to ${name}: ${reason}.`,
    {},
    {
      cause: error,
    },
  );
}
