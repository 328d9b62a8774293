import pg from "pg";
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
  return { sql: statement.sql, params: statement.params.map(toPostgres) };
}

const timestampOid = 1114;
const int8Oid = 20;
const numericOid = 1700;

/** Type parsers for raw reads: counts and BigInt columns as numbers, timestamps as UTC text. */
export const rawTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === timestampOid)
      return (text: string) =>
        new Date(`${text.replace(" ", "T")}Z`).toISOString().replace("Z", "+00:00");
    if (oid === int8Oid || oid === numericOid) return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** A pool for the raw paths (reader, writer); `max` connections at most. */
export function openRawPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types: rawTypes });
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  return pool;
}
