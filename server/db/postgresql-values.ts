import type { SqlValue, Statement } from "./sql-dialect";

/**
 * Values between our raw SQL and PostgreSQL, kept as the SQLite reader and writer keep them
 * (server/db/sqlite-values.ts), so callers of the raw paths see one shape on both databases:
 * Prisma's DateTime is `timestamp(3)` without a zone, holding UTC; it is written as ISO text
 * and read back as the text Prisma's SQLite adapter stores ("…T…+00:00").
 */
export function toPostgres(value: SqlValue): string | number | boolean | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}

export function toPostgresStatement(statement: Statement): { sql: string; params: unknown[] } {
  // Only the bulk writer knows the column types an insert's arrays need.
  if (statement.rows)
    throw new Error(`Insert into ${statement.rows.table}: only the bulk writer runs it`);
  if (statement.arrays)
    return { sql: statement.sql, params: statement.arrays.map((column) => column.map(toPostgres)) };
  return { sql: statement.sql, params: statement.params.map(toPostgres) };
}

export { openRawPool, rawTypes } from "./postgresql-raw-pool.mjs";
