import { toPostgres } from "./postgresql-values";
import type { SqlValue } from "./sql-dialect";

const special = /[\\\t\n\r]/;
const specials = new RegExp(special.source, "g");
const escapes: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One value as COPY reads it: \N for NULL, booleans as t/f, the rest as text, escaped. */
function field(value: SqlValue): string {
  const plain = toPostgres(value);
  if (plain === null) return "\\N";
  if (typeof plain === "boolean") return plain ? "t" : "f";
  const text = String(plain);
  return special.test(text) ? text.replace(specials, (c) => escapes[c]!) : text;
}

/**
 * These rows of `width` columns as COPY's text format, a line a row (a missing value is NULL).
 * Built on the app's thread: the writer's thread then gets one string to send, which costs far
 * less to pass between threads than a page's arrays of values (docs/decisions.md).
 */
export function copyText(rows: SqlValue[][], width: number): string {
  const lines = new Array<string>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let line = field(row[0] ?? null);
    for (let c = 1; c < width; c++) line += "\t" + field(row[c] ?? null);
    lines[r] = line;
  }
  return rows.length === 0 ? "" : lines.join("\n") + "\n";
}
