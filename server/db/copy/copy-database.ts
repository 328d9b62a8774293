import { AppError } from "../../errors";
import { migrationTarget, sqliteFileFromUrl } from "../database-file";
import { applyMigrations, assertNoUnknownMigrations, pendingMigrations } from "../migrations";
import { providerOf } from "../provider";
import type { CopyEndpoint, CopyTable } from "./copy-endpoint";
import { openPostgresqlCopyEndpoint } from "./postgresql-copy-endpoint";
import { openSqliteCopyEndpoint } from "./sqlite-copy-endpoint";

export interface CopyOptions {
  /** DATABASE_URL-style: `file:…` (or a path) for SQLite, `postgresql://…` for PostgreSQL. */
  from: string;
  to: string;
  /** Rows per batch; each batch is one transaction on the target. */
  batchSize?: number;
  /** Stops after this many batches (to copy in steps, and to test resuming). */
  maxBatches?: number;
  signal?: AbortSignal;
  onProgress?: (progress: CopyProgress) => void;
}

export interface CopyProgress {
  table: string;
  /** Rows of this table in the target now. */
  copied: number;
  /** Rows of this table in the source. */
  total: number;
}

export interface CopyResult {
  /** False when stopped early (maxBatches, signal): run again to continue. */
  complete: boolean;
  resumed: boolean;
  tables: { name: string; rows: number; copiedNow: number }[];
}

/**
 * Copies every table of one database into another, SQLite to PostgreSQL or back: the target is
 * migrated first, then filled table by table (parents first) in primary-key order, in batches
 * that are one transaction each. An interrupted copy continues where it stopped: the target's
 * rows of a table are always the first rows of the source's in key order, so their count says
 * where to go on. A marker table names the source until the copy is complete; any other
 * non-empty target is refused.
 */
export async function copyDatabase(options: CopyOptions): Promise<CopyResult> {
  const batchSize = options.batchSize ?? 5_000;
  const from = location(options.from);
  const to = location(options.to);
  if (from === to)
    throw new AppError("BAD_INPUT", "The source and the target are the same database.");
  const source = await openEndpoint(from, { mustExist: true });
  let target: CopyEndpoint | undefined;
  try {
    await assertSourceCurrent(from);
    const sourceId = `${source.provider}:${source.name}`;
    target = await openEndpoint(to, { mustExist: false });
    const resumed = await assertTargetFree(target, sourceId);
    // Closed while the schema engine migrates: it cannot take a SQLite file another connection has open.
    await target.close();
    target = undefined;
    await assertNoUnknownMigrations(to);
    await applyMigrations(to);
    target = await openEndpoint(to, { mustExist: false });
    await target.setCopyMarker(sourceId);

    const tables = await source.tables();
    const targetTables = new Map((await target.tables()).map((t) => [t.name, t]));
    for (const table of tables) assertSameColumns(table, targetTables.get(table.name), target.name);

    let batches = 0;
    const stopped = () =>
      options.signal?.aborted ||
      (options.maxBatches !== undefined && batches >= options.maxBatches);
    const summary: CopyResult["tables"] = [];
    for (const table of tables) {
      if (table.key.length === 0)
        throw new AppError("CONFIG_INVALID", `Table ${table.name} has no primary key to copy by.`);
      const total = await source.count(table.name);
      let copied = await target.count(table.name);
      let after = await resumePoint(source, target, table, copied);
      const before = copied;
      options.onProgress?.({ table: table.name, copied, total });
      while (copied < total && !stopped()) {
        const rows = await source.readAfter(table, after, batchSize);
        if (rows.length === 0) break;
        await target.insert(table, rows);
        batches++;
        copied += rows.length;
        const last = rows.at(-1)!;
        after = table.key.map((column) => last[table.columns.findIndex((c) => c.name === column)]!);
        options.onProgress?.({ table: table.name, copied, total });
      }
      summary.push({ name: table.name, rows: copied, copiedNow: copied - before });
      if (copied < total) return { complete: false, resumed, tables: summary };
    }
    await target.finish(tables);
    await target.setCopyMarker(null);
    return { complete: true, resumed, tables: summary };
  } finally {
    await target?.close();
    await source.close();
  }
}

/** A SQLite file path or a PostgreSQL URL, as the migrations take them. */
function location(url: string): string {
  if (providerOf(url) === "postgresql") return url.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim()))
    throw new AppError(
      "BAD_INPUT",
      `${url.split("://")[0]}:// is not a database stash-sync can use: give a SQLite file (file:./data/stash-sync.db) or a postgresql:// URL.`,
    );
  return sqliteFileFromUrl(url.trim());
}

function openEndpoint(target: string, options: { mustExist: boolean }): Promise<CopyEndpoint> {
  return providerOf(target) === "postgresql"
    ? openPostgresqlCopyEndpoint(target)
    : Promise.resolve(openSqliteCopyEndpoint(target, options));
}

/** The source must be at this build's schema: its tables are then the target's after migrating. */
async function assertSourceCurrent(source: string): Promise<void> {
  await assertNoUnknownMigrations(source);
  const pending = await pendingMigrations(source);
  if (pending.length > 0)
    throw new AppError(
      "CONFIG_INVALID",
      `The source ${migrationTarget(source).name} lacks migrations of this version (${pending.join(", ")}): ` +
        "start the app on it once, or run `npm run db:migrate` with DATABASE_URL set to it, then copy.",
    );
}

/**
 * A target is free when its tables hold no rows, or when it is a partial copy of this source;
 * returns whether it is the latter.
 */
async function assertTargetFree(target: CopyEndpoint, sourceId: string): Promise<boolean> {
  const marker = await target.copyMarker();
  if (marker === sourceId) return true;
  if (marker !== null)
    throw new AppError(
      "CONFIG_INVALID",
      `${target.name} holds a partial copy of another database (${marker}); copy into an empty database.`,
    );
  const filled: string[] = [];
  for (const table of await target.tables())
    if ((await target.count(table.name)) > 0) filled.push(table.name);
  if (filled.length > 0)
    throw new AppError(
      "CONFIG_INVALID",
      `${target.name} is not empty (rows in ${filled.join(", ")}); db:copy fills only an empty database or continues its own partial copy.`,
    );
  return false;
}

/**
 * Where a table's copy goes on: after the source's key at position `copied - 1`. The target
 * must hold that very row; if not, the source changed since the copy began.
 */
async function resumePoint(
  source: CopyEndpoint,
  target: CopyEndpoint,
  table: CopyTable,
  copied: number,
) {
  if (copied === 0) return null;
  const key = await source.keyAt(table, copied - 1);
  if (key === null || !(await target.hasKey(table, key)))
    throw new AppError(
      "CONFIG_INVALID",
      `The source's table ${table.name} changed since the partial copy into ${target.name} began: ` +
        `empty the target (drop and create the database, or delete the file) and copy again.`,
    );
  return key;
}

function assertSameColumns(source: CopyTable, target: CopyTable | undefined, name: string) {
  const names = (table: CopyTable) =>
    table.columns
      .map((c) => c.name)
      .sort()
      .join(", ");
  if (!target || names(source) !== names(target))
    throw new AppError(
      "CONFIG_INVALID",
      `Table ${source.name} of ${name} does not match the source's after migrating (${target ? names(target) : "missing"}).`,
    );
}
