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

export const toSqliteStatement = ({ sql, params }: Statement) => ({
  sql,
  params: params.map(toSqlite),
});
