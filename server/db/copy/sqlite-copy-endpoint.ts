import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { sqliteWriterPragmas } from "../bulk-writer";
import { quote } from "../sql-dialect";
import { sqliteTextSearch } from "../text-search";
import { toSqlite } from "../sqlite-values";
import { AppError } from "../../errors";
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

// Below SQLite's default limit of 32,766 parameters per statement.
const maxParameters = 30_000;

/** A SQLite file as one side of a copy; the source (`mustExist`) is opened read-only. */
export function openSqliteCopyEndpoint(
  file: string,
  options: { mustExist: boolean },
): CopyEndpoint {
  const skipped = notCopied("sqlite");
  if (options.mustExist && !existsSync(file))
    throw new AppError("CONFIG_INVALID", `There is no SQLite database at ${file}.`);
  const sqlite = new Database(file, { fileMustExist: options.mustExist, timeout: 10_000 });
  if (options.mustExist) sqlite.pragma("query_only = ON");
  else for (const pragma of sqliteWriterPragmas) sqlite.pragma(pragma);
  const keyList = (table: CopyTable) => table.key.map(quote).join(", ");
  const fromSqlite = (kind: ColumnKind, value: unknown): CopyValue => {
    if (value === null || value === undefined) return null;
    if (kind === "boolean") return Boolean(value);
    if (kind === "timestamp") return new Date(value as string | number);
    return value as CopyValue;
  };
  return {
    provider: "sqlite",
    name: file,
    async tables() {
      const names = sqlite
        .prepare(
          `SELECT "name" FROM "sqlite_master" WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%'`,
        )
        .pluck()
        .all() as string[];
      return parentsFirst(
        names
          .filter((name) => !skipped.has(name))
          .map((name) => {
            const columns = sqlite
              .prepare(`SELECT "name", "type", "pk" FROM pragma_table_info(?) ORDER BY "cid"`)
              .all(name) as { name: string; type: string; pk: number }[];
            const references = sqlite
              .prepare(`SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)`)
              .pluck()
              .all(name) as string[];
            return {
              name,
              columns: columns.map((c) => ({ name: c.name, kind: kindOf(c.type) })),
              key: columns
                .filter((c) => c.pk > 0)
                .sort((a, b) => a.pk - b.pk)
                .map((c) => c.name),
              references,
            };
          }),
      );
    },
    async count(table) {
      return sqlite
        .prepare(`SELECT COUNT(*) FROM ${quote(table)}`)
        .pluck()
        .get() as number;
    },
    async readAfter(table, after, limit) {
      const columns = table.columns.map((c) => quote(c.name)).join(", ");
      const where = after ? `WHERE (${keyList(table)}) > (${after.map(() => "?").join(", ")})` : "";
      const rows = sqlite
        .prepare(
          `SELECT ${columns} FROM ${quote(table.name)} ${where} ORDER BY ${keyList(table)} LIMIT ?`,
        )
        .raw()
        .all(...(after ?? []).map(toSqlite), limit) as unknown[][];
      return rows.map((row) => row.map((value, i) => fromSqlite(table.columns[i]!.kind, value)));
    },
    async keyAt(table, position) {
      const row = sqlite
        .prepare(
          `SELECT ${keyList(table)} FROM ${quote(table.name)} ORDER BY ${keyList(table)} LIMIT 1 OFFSET ?`,
        )
        .raw()
        .get(position) as CopyValue[] | undefined;
      return row ?? null;
    },
    async hasKey(table, key) {
      const where = table.key.map((c) => `${quote(c)} = ?`).join(" AND ");
      const found = sqlite
        .prepare(`SELECT 1 FROM ${quote(table.name)} WHERE ${where}`)
        .get(...key.map(toSqlite));
      return found !== undefined;
    },
    async insert(table, rows) {
      const columns = table.columns.map((c) => quote(c.name)).join(", ");
      const cells = `(${table.columns.map(() => "?").join(", ")})`;
      sqlite.transaction(() => {
        for (const chunk of chunkRows(rows, table.columns.length, maxParameters)) {
          sqlite
            .prepare(
              `INSERT INTO ${quote(table.name)} (${columns}) VALUES ${chunk.map(() => cells).join(", ")}`,
            )
            .run(...chunk.flat().map(toSqlite));
        }
      })();
    },
    async copyMarker() {
      const exists = sqlite
        .prepare(`SELECT 1 FROM "sqlite_master" WHERE "type" = 'table' AND "name" = ?`)
        .get(copyMarkerTable);
      if (!exists) return null;
      const source = sqlite
        .prepare(`SELECT "source" FROM ${quote(copyMarkerTable)}`)
        .pluck()
        .get();
      return (source as string | undefined) ?? null;
    },
    async setCopyMarker(source) {
      if (source === null) {
        sqlite.exec(`DROP TABLE IF EXISTS ${quote(copyMarkerTable)}`);
        return;
      }
      sqlite.transaction(() => {
        sqlite.exec(
          `CREATE TABLE IF NOT EXISTS ${quote(copyMarkerTable)} ("source" TEXT NOT NULL)`,
        );
        sqlite.exec(`DELETE FROM ${quote(copyMarkerTable)}`);
        sqlite.prepare(`INSERT INTO ${quote(copyMarkerTable)} ("source") VALUES (?)`).run(source);
      })();
    },
    // AUTOINCREMENT keys: SQLite raises sqlite_sequence itself when a larger id is inserted.
    async finish() {
      sqlite.transaction(() => {
        for (const statement of sqliteTextSearch.rebuildSql) sqlite.exec(statement);
      })();
      sqlite.pragma("optimize");
    },
    async close() {
      sqlite.close();
    },
  };
}

/** The kind of a column from the type Prisma's SQLite migrations declare. */
function kindOf(declared: string): ColumnKind {
  const type = declared.toUpperCase();
  if (type === "BOOLEAN") return "boolean";
  if (type === "DATETIME") return "timestamp";
  if (type.includes("INT")) return "integer";
  if (type === "REAL" || type.includes("DOUBLE") || type.includes("FLOAT")) return "real";
  return "text";
}
