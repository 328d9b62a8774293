import type { DatabaseProvider } from "../provider";
import { rawSqlObjects } from "../raw-sql-objects";

/**
 * One side of `db:copy`: a database read or written table by table, in primary-key order. Each
 * provider has its own implementation (sqlite-copy-endpoint.ts, postgresql-copy-endpoint.ts);
 * values cross between them in one neutral form (CopyValue), each side converting to and from
 * how it stores them.
 */
export interface CopyEndpoint {
  provider: DatabaseProvider;
  /** Says which database in messages, without a password. */
  name: string;
  /** The tables the app owns, parents before the tables that reference them. */
  tables(): Promise<CopyTable[]>;
  count(table: string): Promise<number>;
  /** Up to `limit` rows after `after` (a key, or null from the start), in key order. */
  readAfter(table: CopyTable, after: CopyValue[] | null, limit: number): Promise<CopyValue[][]>;
  /** The key of the row at this 0-based position in key order. */
  keyAt(table: CopyTable, position: number): Promise<CopyValue[] | null>;
  hasKey(table: CopyTable, key: CopyValue[]): Promise<boolean>;
  /** Inserts the rows (in `table.columns` order) in one transaction: all of them or none. */
  insert(table: CopyTable, rows: CopyValue[][]): Promise<void>;
  /** The source a partial copy into this database came from, or null when there is none. */
  copyMarker(): Promise<string | null>;
  setCopyMarker(source: string | null): Promise<void>;
  /**
   * After the last row: counters of generated keys continue above the copied ones, and the
   * search index is built from the copied scenes.
   */
  finish(tables: CopyTable[]): Promise<void>;
  close(): Promise<void>;
}

export type ColumnKind = "text" | "integer" | "real" | "boolean" | "timestamp";

export interface CopyTable {
  name: string;
  columns: { name: string; kind: ColumnKind }[];
  /** The primary key's columns, in key order. */
  key: string[];
  /** Tables this one references. */
  references: string[];
}

/** A value between the two sides: timestamps are Dates, booleans booleans. */
export type CopyValue = string | number | boolean | Date | null;

/**
 * Tables that are not the app's data: the migrations' own record, a copy in progress, and the
 * raw-SQL objects (the search index), which each provider builds its own way: `finish`
 * rebuilds them from the copied rows.
 */
export const copyMarkerTable = "_stash_sync_copy";
export function notCopied(provider: DatabaseProvider): Set<string> {
  return new Set([
    "_prisma_migrations",
    copyMarkerTable,
    ...rawSqlObjects[provider].filter((o) => o.type === "table").map((o) => o.name),
  ]);
}

/** Row values as one statement may carry them: chunks of rows within `maxParameters`. */
export function chunkRows<T>(rows: T[][], columnCount: number, maxParameters: number): T[][][] {
  const size = Math.max(1, Math.floor(maxParameters / columnCount));
  const chunks: T[][][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/** Orders tables so that each comes after the tables it references. */
export function parentsFirst(tables: CopyTable[]): CopyTable[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: CopyTable[] = [];
  const placed = new Set<string>();
  const place = (table: CopyTable, path: Set<string>) => {
    if (placed.has(table.name) || path.has(table.name)) return;
    path.add(table.name);
    for (const parent of table.references) {
      const found = byName.get(parent);
      if (found && parent !== table.name) place(found, path);
    }
    placed.add(table.name);
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name)))
    place(table, new Set());
  return ordered;
}
