/**
 * The only module that knows which SQL dialect the database speaks. Everything else builds
 * statements through these helpers, so adding PostgreSQL means a second implementation of
 * this interface (placeholders `$1…`, its parameter limit), not a rewrite of the sync engine.
 * The statements themselves are portable: `INSERT … ON CONFLICT (…) DO UPDATE/NOTHING`.
 */
export interface SqlDialect {
  /** Placeholder for the n-th (0-based) parameter of a statement. */
  placeholder(index: number): string;
  /** Most parameters one statement may carry. */
  maxParameters: number;
}

export const sqliteDialect: SqlDialect = {
  placeholder: () => "?",
  // SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32; stay well below it.
  maxParameters: 30_000,
};

export const dialect: SqlDialect = sqliteDialect;

export type SqlValue = string | number | bigint | boolean | Date | null;

export interface Statement {
  sql: string;
  params: SqlValue[];
}

const quote = (name: string) => `"${name}"`;

/**
 * Statements come in a few fixed shapes so prepared statements are reused: long lists are cut
 * into chunks of `batch` rows (fewer if the parameter limit demands), and the remainder into
 * power-of-two sizes. Parsing a statement with thousands of placeholders costs more than
 * running it, so a new shape per page would waste most of the write time.
 */
const batch = 256;

function shapedChunks<T>(items: T[], columnCount: number): T[][] {
  const size = Math.max(1, Math.min(batch, Math.floor(dialect.maxParameters / columnCount)));
  const out: T[][] = [];
  let i = 0;
  for (; i + size <= items.length; i += size) out.push(items.slice(i, i + size));
  for (let step = size >> 1; step >= 1; step >>= 1) {
    if (i + step <= items.length) {
      out.push(items.slice(i, i + step));
      i += step;
    }
  }
  return out;
}

function valuesClause(rows: SqlValue[][], columnCount: number, params: SqlValue[]): string {
  return rows
    .map((row) => {
      const cells: string[] = [];
      for (let c = 0; c < columnCount; c++) {
        cells.push(dialect.placeholder(params.length));
        params.push(row[c] ?? null);
      }
      return `(${cells.join(", ")})`;
    })
    .join(", ");
}

/**
 * Multi-row INSERT statements. With `conflict`, rows whose key exists are updated (the listed
 * columns) or left alone (no `update` columns).
 */
export function insertRows(
  table: string,
  columns: string[],
  rows: SqlValue[][],
  conflict?: { key: string[]; update: string[] },
): Statement[] {
  if (rows.length === 0) return [];
  return shapedChunks(rows, columns.length).map((chunk) => {
    const params: SqlValue[] = [];
    let sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${valuesClause(chunk, columns.length, params)}`;
    if (conflict) {
      const key = conflict.key.map(quote).join(", ");
      sql +=
        conflict.update.length === 0
          ? ` ON CONFLICT (${key}) DO NOTHING`
          : ` ON CONFLICT (${key}) DO UPDATE SET ${conflict.update.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(", ")}`;
    }
    return { sql, params };
  });
}

/** `… WHERE column IN (…)` statements over a long list of values, chunked. */
export function whereIn(
  prefix: string,
  column: string,
  values: SqlValue[],
  leadingParams: SqlValue[] = [],
): Statement[] {
  if (values.length === 0) return [];
  return shapedChunks(values, 1).map((chunk) => {
    const params: SqlValue[] = [...leadingParams];
    const list = chunk.map((v) => {
      params.push(v);
      return dialect.placeholder(params.length - 1);
    });
    let leading = 0;
    const head = prefix.replace(/\?/g, () => dialect.placeholder(leading++));
    return { sql: `${head} WHERE ${quote(column)} IN (${list.join(", ")})`, params };
  });
}

/** One `DELETE … WHERE a = ? AND b = ?` per row: a single shape, prepared once. */
export function deleteRows(table: string, columns: string[], rows: SqlValue[][]): Statement[] {
  const where = columns.map((c, i) => `${quote(c)} = ${dialect.placeholder(i)}`).join(" AND ");
  const sql = `DELETE FROM ${quote(table)} WHERE ${where}`;
  return rows.map((params) => ({ sql, params }));
}
