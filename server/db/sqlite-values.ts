import type { SqlValue, Statement } from "./sql-dialect";

// A page's rows share one "now": its text is computed once, not once per row.
let lastTime = NaN;
let lastText = "";

/** Values as Prisma's SQLite adapter stores them, so the Prisma client reads them back alike. */
export function toSqlite(value: SqlValue): string | number | bigint | null {
  if (value === null) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) {
    const time = value.getTime();
    if (time !== lastTime) {
      lastTime = time;
      lastText = value.toISOString().replace("Z", "+00:00");
    }
    return lastText;
  }
  return value;
}

/**
 * The statement with its values converted in place: statements are built for one write and
 * a page carries tens of thousands of values, so a converted copy would be pure garbage.
 * Converting is idempotent, so a statement kept and run again (a poll) stays valid.
 */
export function toSqliteStatement(statement: Statement) {
  const params = statement.params as (SqlValue | ReturnType<typeof toSqlite>)[];
  for (let i = 0; i < params.length; i++) params[i] = toSqlite(params[i] as SqlValue);
  return statement as { sql: string; params: ReturnType<typeof toSqlite>[] };
}
