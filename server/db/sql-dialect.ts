import { env } from "../env";
import { cappedCache } from "./capped-cache";
import { providerOf, type DatabaseProvider } from "./provider";

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
  /**
   * The non-unique indexes of these tables as rows of { name, definition }, the definition
   * being the CREATE INDEX statement that rebuilds it (see deferred-schema.ts).
   */
  secondaryIndexes(tables: string[]): Statement;
  /**
   * The foreign keys these tables hold, or that refer to them, as rows of { name, table,
   * definition }, the definition being the ALTER TABLE that adds it again (see
   * deferred-schema.ts); none where they cannot be dropped.
   */
  foreignKeys(tables: string[]): Statement;
  /**
   * These tables' primary keys as rows of { name, table, definition }, the definition being the
   * CREATE UNIQUE INDEX behind the key; none where a key is part of its table (SQLite).
   */
  primaryKeys(tables: string[]): Statement;
  /**
   * The statements that build a dropped primary key again, harmless if it exists: `index`
   * builds its unique index (the table stays readable meanwhile), `attach` makes that the key,
   * which locks the table, for a moment when no other build on it runs.
   */
  primaryKeyBuild(key: { name: string; table: string; definition: string }): {
    index: Statement[];
    attach: Statement[];
  };
  /** The statements that build one deferred index from its CREATE INDEX, as fast as it builds. */
  indexBuild(definition: string): Statement[];
  /**
   * The statements that give the planner these tables' statistics after a bulk load, each of
   * them on its own; none where the planner reads none the app has not asked for.
   */
  statisticsRefresh(tables: string[]): Statement[];
  /** One row when the table exists (a database before its first migration has none). */
  tableExists(table: string): Statement;
  /** The error says another connection holds the lock this one waited for, and gave up. */
  isBusyError(error: unknown): boolean;
  /**
   * `column` holds `text` literally, ASCII letters in either case (as Prisma's `contains` on
   * SQLite): `%`, `_` and `\` in the text match only themselves.
   */
  containsText(column: string, text: string): SqlFragment;
  /** One row { now }: the database server's clock in milliseconds since 1970. */
  currentTimeMs: Statement;
  /** The statements that insert these rows (insertRows). */
  insertRows(insert: RowsInsert): Statement[];
  /**
   * A join of each row so far to the row of `table` whose `key` is `outer`, probed by the key's
   * index once per row: for a page-sized list against a whole table (see joinByKey).
   */
  joinByKey(
    join: "JOIN" | "LEFT JOIN",
    table: string,
    alias: string,
    key: string,
    outer: string,
  ): string;
  /** The statements of withValues: `WITH name (columns) AS (…rows…) body`. */
  withRows(name: string, columns: string[], rows: SqlValue[][], body: string): Statement[];
  /**
   * The column, written so the planner does not pick its index for this term: a condition
   * almost every row meets (a scene not removed) must not displace the index of the order.
   */
  unindexed(column: string): string;
  /** A condition on "scene" that holds for about the first `n` scenes stored: a cheap sample. */
  firstStoredRows(n: number): string;
  /** One row, one column: how many scenes are still in Stash (removed_at IS NULL). */
  presentScenes: string;
}

/** The SQLite writer connection's page cache (bulk-writer.ts), in KiB. */
export const sqliteWriterCacheKiB = 16_000;

/** A catalog read of { name, table, definition } rows that finds none. */
const none: Statement = {
  sql: `SELECT NULL AS "name", NULL AS "table", NULL AS "definition" WHERE 0`,
  params: [],
};

export const sqliteDialect: SqlDialect = {
  placeholder: () => "?",
  // SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32; stay well below it.
  maxParameters: 30_000,
  // Indexes behind PRIMARY KEY and UNIQUE constraints have no SQL text; unique indexes Prisma
  // creates have, and are excluded: they enforce the keys ON CONFLICT relies on.
  secondaryIndexes: (tables) => ({
    sql: `SELECT "name", "sql" AS "definition" FROM "sqlite_master"
      WHERE "type" = 'index' AND "sql" IS NOT NULL AND "sql" NOT LIKE 'CREATE UNIQUE%'
      AND "tbl_name" IN (${tables.map(() => "?").join(", ")}) ORDER BY "name"`,
    params: [...tables],
  }),
  // A SQLite table's foreign keys are part of its definition; checking them costs a key lookup.
  foreignKeys: () => none,
  primaryKeys: () => none,
  primaryKeyBuild: () => ({ index: [], attach: [] }),
  // SQLite sorts an index's keys in memory up to cache_size, past it in sorted runs it merges:
  // the runs fit the CPU's caches. A first sync of 100,000 scenes built its indexes in
  // 0.99–1.04 s with 2 MB (SQLite's own default) against 1.29–1.36 s with the writer's.
  indexBuild: (definition) => [
    { sql: "PRAGMA cache_size = -2000", params: [] },
    { sql: definition, params: [] },
    { sql: `PRAGMA cache_size = -${sqliteWriterCacheKiB}`, params: [] },
  ],
  // SQLite plans without statistics until ANALYZE first runs, and the app never runs it: its
  // plans (and their tests) are the planner's rules of thumb, which no bulk load changes.
  statisticsRefresh: () => [],
  tableExists: (table) => ({
    sql: `SELECT 1 AS "found" FROM "sqlite_master" WHERE "type" = 'table' AND "name" = ?`,
    params: [table],
  }),
  // better-sqlite3 throws an Error with a code; Prisma's adapter a bare { code }; the schema
  // engine (wasm) reports a lock it waited for as a timeout in its message.
  isBusyError: (error) => {
    const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
    if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") return true;
    return (
      typeof message === "string" && /database is locked|SQLITE_BUSY|SocketTimeout/.test(message)
    );
  },
  // SQLite's LIKE ignores ASCII case and has no escape character unless one is named.
  containsText: (column, text) =>
    new SqlFragment([`${column} LIKE `, ` ESCAPE '\\'`], [`%${escapeLike(text)}%`]),
  currentTimeMs: {
    sql: `SELECT CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS REAL) AS "now"`,
    params: [],
  },
  // SQLite's planner probes the key's index for a list of rows already.
  joinByKey: (join, table, alias, key, outer) =>
    `${join} ${quote(table)} AS ${quote(alias)} ON ${quote(alias)}.${quote(key)} = ${outer}`,
  withRows: (name, columns, rows, body) =>
    rowStatements(
      `WITH ${quote(name)} (${columns.map(quote).join(", ")}) AS (VALUES `,
      columns.length,
      rows,
      `) ${body}`,
    ),
  insertRows: ({ table, columns, rows, tail }) =>
    rowStatements(
      `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES `,
      columns.length,
      rows,
      tail,
    ),
  // SQLite's documented way: a unary + makes the term unusable by an index.
  unindexed: (column) => `+${column}`,
  firstStoredRows: (n) => `"scene"."rowid" <= ${n}`,
  // COUNT(*) without a condition counts the b-tree's pages, not its rows.
  presentScenes: `SELECT (SELECT COUNT(*) FROM "scene")
    - (SELECT COUNT(*) FROM "scene" WHERE "removed_at" IS NOT NULL)`,
};

/** A LIKE pattern matching `text` literally, with `\` as the escape character. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** PostgreSQL's placeholders of a list of values, $1 to $n. */
const listed = (values: unknown[]) => values.map((_, n) => `$${n + 1}`).join(", ");

export const postgresqlDialect: SqlDialect = {
  placeholder: (index) => `$${index + 1}`,
  // The wire protocol numbers parameters with 16 bits.
  maxParameters: 30_000,
  // Indexes behind PRIMARY KEY and UNIQUE constraints are unique; Prisma's unique indexes too,
  // and they enforce the keys ON CONFLICT relies on. Those that are not B-trees (the trigram
  // GIN index) come first: the longest builds, on one core each, while the other lane builds
  // the rest (deferred-schema.ts).
  secondaryIndexes: (tables) => ({
    sql: `SELECT i."indexname" AS "name", i."indexdef" AS "definition" FROM "pg_indexes" i
      JOIN "pg_class" c ON c."relname" = i."indexname" JOIN "pg_index" x ON x."indexrelid" = c."oid"
      JOIN "pg_am" a ON a."oid" = c."relam"
      WHERE i."schemaname" = current_schema() AND NOT x."indisunique"
      AND i."tablename" IN (${listed(tables)})
      ORDER BY a."amname" = 'btree', i."indexname"`,
    params: [...tables],
  }),
  // Each checks every row inserted with a query that locks the parent row: on a bulk load of
  // the link tables, a third of PostgreSQL's time (docs/decisions.md).
  foreignKeys: (tables) => ({
    sql: `SELECT c."conname" AS "name", t."relname" AS "table",
        'ALTER TABLE ' || quote_ident(t."relname") || ' ADD CONSTRAINT ' || quote_ident(c."conname")
          || ' ' || pg_get_constraintdef(c."oid") AS "definition"
      FROM "pg_constraint" c JOIN "pg_class" t ON t."oid" = c."conrelid"
        JOIN "pg_class" r ON r."oid" = c."confrelid"
      WHERE c."contype" = 'f' AND t."relnamespace" = current_schema()::regnamespace
      AND (t."relname" IN (${listed(tables)}) OR r."relname" IN (${listed(tables)}))
      ORDER BY c."conname"`,
    params: [...tables],
  }),
  // Each row costs a probe of its key's B-tree in random order (Stash's ids are text here),
  // where a build sorts once: most of a link table's bulk load (docs/decisions.md).
  primaryKeys: (tables) => ({
    sql: `SELECT c."conname" AS "name", t."relname" AS "table",
        pg_get_indexdef(c."conindid") AS "definition"
      FROM "pg_constraint" c JOIN "pg_class" t ON t."oid" = c."conrelid"
      WHERE c."contype" = 'p' AND t."relnamespace" = current_schema()::regnamespace
      AND t."relname" IN (${listed(tables)}) ORDER BY c."conname"`,
    params: [...tables],
  }),
  // PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS, hence the check.
  primaryKeyBuild: ({ name, table, definition }) => ({
    index: [
      {
        sql: definition.replace(
          /^CREATE UNIQUE INDEX (?!IF NOT EXISTS)/i,
          "CREATE UNIQUE INDEX IF NOT EXISTS ",
        ),
        params: [],
      },
    ],
    attach: [
      {
        sql: `DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM "pg_constraint" WHERE "conrelid" = '${quote(table)}'::regclass
          AND "contype" = 'p') THEN
          ALTER TABLE ${quote(table)} ADD CONSTRAINT ${quote(name)} PRIMARY KEY USING INDEX ${quote(name)};
        END IF;
      END $$`,
        params: [],
      },
    ],
  }),
  indexBuild: (definition) => [{ sql: definition, params: [] }],
  // Autovacuum analyzes a table a minute or so after it fills; until then the planner guesses
  // from its size alone, and hashed whole tables where 500 index probes were wanted.
  // A statement per table, so that two connections may share them.
  statisticsRefresh: (tables) =>
    tables.map((table) => ({ sql: `ANALYZE ${quote(table)}`, params: [] })),
  tableExists: (table) => ({
    sql: `SELECT 1 AS "found" FROM "information_schema"."tables"
      WHERE "table_schema" = current_schema() AND "table_name" = $1`,
    params: [table],
  }),
  // 55P03 lock_not_available, 40P01 deadlock_detected; Prisma's adapter reports the code in
  // its cause; a statement or lock timeout is 57014.
  isBusyError: (error) => {
    const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { originalCode?: unknown } };
    const codes = [code, cause?.originalCode];
    return codes.some((c) => c === "55P03" || c === "40P01" || c === "57014");
  },
  // ILIKE matches letters in any case (Unicode too, where Prisma's SQLite LIKE folds ASCII only).
  containsText: (column, text) =>
    new SqlFragment([`${column} ILIKE `, ` ESCAPE '\\'`], [`%${escapeLike(text)}%`]),
  // float8, not bigint: pg returns 64-bit integers as strings.
  currentTimeMs: {
    sql: `SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS "now"`,
    params: [],
  },
  // Column arrays whose SQL the writer writes (postgresql-row-inserts.ts): unnest, with the
  // types it reads from the catalog, under an ON CONFLICT tail; COPY without one.
  insertRows: (insert) => [{ sql: "", params: [], rows: insert }],
  // A lateral subquery that cannot be pulled up (OFFSET 0) leaves the planner one plan: a probe
  // per row. Its cost model prices a thousand probes above hashing a sequential scan of a
  // table under ~200,000 rows, which made each page of a first sync read all stored before it.
  joinByKey: (join, table, alias, key, outer) =>
    `${join} LATERAL (SELECT * FROM ${quote(table)} AS ${quote(alias)} WHERE ${quote(alias)}.${quote(key)} = ${outer} OFFSET 0) AS ${quote(alias)} ON TRUE`,
  // One statement of text arrays: parsing and planning a VALUES list of a thousand rows cost
  // more than running it. Its columns are text, as VALUES of untyped parameters are.
  withRows: (name, columns, rows, body) => [
    {
      sql: `WITH ${quote(name)} (${columns.map(quote).join(", ")}) AS (SELECT * FROM unnest(${columns
        .map((_, i) => `$${i + 1}::text[]`)
        .join(", ")})) ${body}`,
      params: [],
      arrays: columns.map((_, c) => rows.map((row) => row[c] ?? null)),
    },
  ],
  // PostgreSQL's planner weighs such a term by its statistics instead.
  unindexed: (column) => column,
  // The first n ids as one array the primary key is probed with: `IN (… LIMIT n)` was planned
  // as a hash join over every scene.
  firstStoredRows: (n) =>
    `"scene"."id" = ANY (ARRAY(SELECT "id" FROM "scene" ORDER BY "id" LIMIT ${n}))`,
  // Kept by triggers (migration present_scene_count): PostgreSQL counts rows one by one.
  presentScenes: `SELECT "count" FROM "present_scene_count"`,
};

/** The dialect of the configured database (env's DATABASE_URL). */
export function dialectOf(provider: DatabaseProvider): SqlDialect {
  return provider === "postgresql" ? postgresqlDialect : sqliteDialect;
}

let active: SqlDialect | undefined;
const current = () => (active ??= dialectOf(providerOf(env().DATABASE_URL)));

/** The configured database's dialect, chosen on first use. */
export const dialect: SqlDialect = {
  placeholder: (index) => current().placeholder(index),
  get maxParameters() {
    return current().maxParameters;
  },
  secondaryIndexes: (tables) => current().secondaryIndexes(tables),
  foreignKeys: (tables) => current().foreignKeys(tables),
  primaryKeys: (tables) => current().primaryKeys(tables),
  primaryKeyBuild: (key) => current().primaryKeyBuild(key),
  indexBuild: (definition) => current().indexBuild(definition),
  statisticsRefresh: (tables) => current().statisticsRefresh(tables),
  tableExists: (table) => current().tableExists(table),
  isBusyError: (error) => current().isBusyError(error),
  containsText: (column, text) => current().containsText(column, text),
  get currentTimeMs() {
    return current().currentTimeMs;
  },
  insertRows: (insert) => current().insertRows(insert),
  joinByKey: (join, table, alias, key, outer) =>
    current().joinByKey(join, table, alias, key, outer),
  withRows: (name, columns, rows, body) => current().withRows(name, columns, rows, body),
  unindexed: (column) => current().unindexed(column),
  firstStoredRows: (n) => current().firstStoredRows(n),
  get presentScenes() {
    return current().presentScenes;
  },
};

export type SqlValue = string | number | bigint | boolean | Date | null;

export interface Statement {
  sql: string;
  params: SqlValue[];
  /** Rows for PostgreSQL's writer to send as column arrays; `sql` is then empty. */
  rows?: RowsInsert;
  /** PostgreSQL only: the parameters are these column arrays, not `params`. */
  arrays?: SqlValue[][];
  /**
   * A hot read in one fixed shape: PostgreSQL's reader keeps it parsed and planned per
   * connection (SQLite's reader prepares every statement anyway).
   */
  prepared?: boolean;
}

/** An INSERT of many rows; `tail` is its ON CONFLICT clause, or empty. */
export interface RowsInsert {
  table: string;
  columns: string[];
  rows: SqlValue[][];
  tail: string;
}

/** An identifier, quoted as SQLite and PostgreSQL both accept it. */
export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A piece of SQL with its values, composable like Prisma.sql: `sql\`… ${value} …\`` binds the
 * value, `sql\`… ${otherFragment} …\`` splices another piece in. Placeholders are numbered
 * only by toStatement, so fragments compose in any dialect.
 */
export class SqlFragment {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly (SqlValue | SqlFragment)[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: (SqlValue | SqlFragment)[]) {
  return new SqlFragment(strings, values);
}

export const emptySql = new SqlFragment([""], []);

export function toStatement(fragment: SqlFragment): Statement {
  const params: SqlValue[] = [];
  const render = ({ strings, values }: SqlFragment): string => {
    let text = strings[0]!;
    values.forEach((value, i) => {
      if (value instanceof SqlFragment) text += render(value);
      else {
        text += dialect.placeholder(params.length);
        params.push(value);
      }
      text += strings[i + 1]!;
    });
    return text;
  };
  return { sql: render(fragment), params };
}

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

/** Statement texts by shape: a page builds thousands of rows of the same few shapes. */
const shapedSql = cappedCache<string>(1000);

function valuesClause(rowCount: number, columnCount: number): string {
  const rows: string[] = [];
  let index = 0;
  for (let r = 0; r < rowCount; r++) {
    const cells: string[] = [];
    for (let c = 0; c < columnCount; c++) cells.push(dialect.placeholder(index++));
    rows.push(`(${cells.join(", ")})`);
  }
  return rows.join(", ");
}

/** `head (…), (…) tail` statements over many rows, chunked into a few fixed shapes. */
function rowStatements(
  head: string,
  columnCount: number,
  rows: SqlValue[][],
  tail: string,
): Statement[] {
  return shapedChunks(rows, columnCount).map((chunk) => {
    const params: SqlValue[] = [];
    for (const row of chunk) for (let c = 0; c < columnCount; c++) params.push(row[c] ?? null);
    const sql = shapedSql(
      `${head}|${chunk.length}|${tail}`,
      () => head + valuesClause(chunk.length, columnCount) + tail,
    );
    return { sql, params };
  });
}

/**
 * INSERT statements of many rows: multi-row VALUES on SQLite, column arrays on PostgreSQL (the
 * bulk writer runs them). With `conflict`, rows whose key exists are updated (the listed
 * columns) or left alone (no `update` columns).
 */
export function insertRows(
  table: string,
  columns: string[],
  rows: SqlValue[][],
  conflict?: { key: string[]; update: string[] },
): Statement[] {
  if (rows.length === 0) return [];
  let tail = "";
  if (conflict) {
    const key = conflict.key.map(quote).join(", ");
    tail =
      conflict.update.length === 0
        ? ` ON CONFLICT (${key}) DO NOTHING`
        : ` ON CONFLICT (${key}) DO UPDATE SET ${conflict.update.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(", ")}`;
  }
  return dialect.insertRows({ table, columns, rows, tail });
}

/**
 * Statements that join a list of rows to the database: `WITH name (columns) AS (…) body`, the
 * rows as VALUES chunked like insertRows on SQLite, as text arrays on PostgreSQL. Lets the
 * database compare many values with stored ones and return only the differences.
 */
export function withValues(
  name: string,
  columns: string[],
  rows: SqlValue[][],
  body: string,
): Statement[] {
  if (rows.length === 0) return [];
  return dialect.withRows(name, columns, rows, body);
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
    const params: SqlValue[] = [...leadingParams, ...chunk];
    const sql = shapedSql(`${prefix}|${column}|${chunk.length}`, () => {
      let index = 0;
      const head = prefix.replace(/\?/g, () => dialect.placeholder(index++));
      const list = chunk.map(() => dialect.placeholder(index++));
      return `${head} WHERE ${quote(column)} IN (${list.join(", ")})`;
    });
    return { sql, params };
  });
}

/** One `DELETE … WHERE a = ? AND b = ?` per row: a single shape, prepared once. */
export function deleteRows(table: string, columns: string[], rows: SqlValue[][]): Statement[] {
  const where = columns.map((c, i) => `${quote(c)} = ${dialect.placeholder(i)}`).join(" AND ");
  const sql = `DELETE FROM ${quote(table)} WHERE ${where}`;
  return rows.map((params) => ({ sql, params }));
}
