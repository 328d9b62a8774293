import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { Prisma } from "../../generated/prisma/client";
import { db } from "../db/client";
import type { ChangeType } from "../domain/vocabulary";
import { logger } from "../logger";
import type { RetentionReport, RetentionSettings } from "./retention-schema";
import { readRetentionSettings, saveRetentionReport } from "./retention-settings";

export const RETENTION_BATCH_SIZE = 5_000;
const DAY_MS = 86_400_000;

export interface RetentionProgress {
  batch: number;
  changeType: ChangeType;
  /** Rows this batch removed. */
  removed: number;
  removedSoFar: number;
}

export interface RetentionOptions {
  now?: Date;
  /** Saved settings when absent. */
  settings?: RetentionSettings;
  batchSize?: number;
  /** Called between batches, after each batch's transaction has committed. */
  onBatch?: (progress: RetentionProgress) => void | Promise<void>;
}

/**
 * Removes sync_log rows the retention rules no longer keep, then the runs left without rows.
 *
 * A row goes when all of these hold:
 * - it is older than its outcome's window (`skipped`: skippedDays; the others: changedDays);
 *   rows without an outcome (a full sync still running) are never touched;
 * - it is not among the newest `keepLastPerEntity` rows of its entity (full-sync rows, entity
 *   NULL, count as one entity per entity type);
 * - it is not its entity's first `created` row (when a scene entered the library).
 * Deleting rows that are neither the newest K nor the first `created` never changes which rows
 * are, so the rules can be checked batch by batch and give the same answer as all at once.
 *
 * Runs: a sync_history row is removed only when no sync_log row refers to it any more, it is
 * older than the longest window, it is not running, and it is not the run whose watermark the
 * next incremental sync starts from (losing that would turn the next incremental into a full
 * pull). A run that still has rows is never removed (the foreign key enforces it too, but
 * while a first sync on PostgreSQL has it deferred, when the NOT EXISTS alone does).
 *
 * Each batch reads the ids of at most `batchSize` candidate rows, found through the
 * (change_type, created_at, id) index between two (created_at, id) cursors, so rows kept by
 * the rules are examined once, not once per batch; then one DELETE by those ids. Between
 * batches the event loop gets a turn, so pages keep answering while millions of rows go.
 */
export async function runRetention(options: RetentionOptions = {}): Promise<RetentionReport> {
  const startedAt = new Date();
  const now = options.now ?? startedAt;
  const settings = options.settings ?? (await readRetentionSettings());
  const batchSize = options.batchSize ?? RETENTION_BATCH_SIZE;
  const removed: Record<ChangeType, number> = { created: 0, updated: 0, skipped: 0, failed: 0 };
  let batches = 0;

  const windows: Array<[ChangeType, number]> = [
    ["skipped", settings.skippedDays],
    ["created", settings.changedDays],
    ["updated", settings.changedDays],
    ["failed", settings.changedDays],
  ];
  for (const [changeType, days] of windows) {
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    for (const entity of ["one", "all"] as const) {
      let cursor: Cursor | null = null;
      for (;;) {
        const boundary = await batchBoundary(changeType, entity, cutoff, cursor, batchSize);
        const ids = await db().$queryRaw<Array<{ id: number | bigint }>>(
          batchIdsSql(changeType, entity, cutoff, cursor, boundary, settings.keepLastPerEntity),
        );
        // By primary key: a DELETE joined to its candidates let PostgreSQL's planner scan the
        // whole log to match a batch's few thousand ids.
        const count =
          ids.length === 0
            ? 0
            : await db()
                .$executeRaw`DELETE FROM sync_log WHERE id IN (${Prisma.join(ids.map((r) => r.id))})`;
        batches++;
        removed[changeType] += count;
        await options.onBatch?.({
          batch: batches,
          changeType,
          removed: count,
          removedSoFar: total(removed),
        });
        await yieldToEventLoop();
        if (!boundary) break;
        cursor = boundary;
      }
    }
  }

  const longest = Math.max(settings.skippedDays, settings.changedDays);
  const removedRuns = await removeEmptyRuns(new Date(now.getTime() - longest * DAY_MS), batchSize);
  const report: RetentionReport = {
    startedAt,
    finishedAt: new Date(),
    removed,
    removedRuns,
    batches,
  };
  logger.info(
    `Retention removed ${total(removed)} sync_log rows (${Object.entries(removed)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}) and ${removedRuns} runs in ${batches} batches.`,
  );
  return report;
}

/** Runs retention with the saved settings and stores its report for Settings. */
export async function runRetentionAndRecord(
  options: RetentionOptions = {},
): Promise<RetentionReport> {
  const report = await runRetention(options);
  await saveRetentionReport(report);
  return report;
}

export interface Cursor {
  createdAt: Date | string;
  id: number | bigint;
}

/** "one": rows of a single entity; "all": full-sync rows that stand for every entity. */
export type EntityScope = "one" | "all";

function candidates(
  changeType: ChangeType,
  entity: EntityScope,
  cutoff: Date,
  after: Cursor | null,
) {
  return Prisma.sql`r.change_type = ${changeType} AND r.created_at < ${cutoff}
    AND ${entity === "one" ? Prisma.sql`r.entity_id IS NOT NULL` : Prisma.sql`r.entity_id IS NULL`}
    ${after ? Prisma.sql`AND (r.created_at, r.id) > (${after.createdAt}, ${after.id})` : Prisma.empty}`;
}

/**
 * The last candidate of the next batch, or null when fewer than `batchSize` remain (the final
 * batch then takes everything up to the cutoff).
 */
async function batchBoundary(
  changeType: ChangeType,
  entity: EntityScope,
  cutoff: Date,
  after: Cursor | null,
  batchSize: number,
): Promise<Cursor | null> {
  const rows = await db().$queryRaw<Array<{ created_at: Date | string; id: number | bigint }>>`
    SELECT r.created_at, r.id FROM sync_log AS r
    WHERE ${candidates(changeType, entity, cutoff, after)}
    ORDER BY r.created_at, r.id
    LIMIT 1 OFFSET ${batchSize - 1}`;
  const row = rows[0];
  return row ? { createdAt: row.created_at, id: row.id } : null;
}

/** The ids one batch deletes (exported for the query-plan tests). */
export function batchIdsSql(
  changeType: ChangeType,
  entity: EntityScope,
  cutoff: Date,
  after: Cursor | null,
  upTo: Cursor | null,
  keepLast: number,
): Prisma.Sql {
  const sameEntity = (alias: string) =>
    entity === "one"
      ? Prisma.sql`${Prisma.raw(alias)}.entity_type = r.entity_type AND ${Prisma.raw(alias)}.entity_id = r.entity_id`
      : Prisma.sql`${Prisma.raw(alias)}.entity_type = r.entity_type AND ${Prisma.raw(alias)}.entity_id IS NULL`;
  // "Not among the newest K": a K-th newer row of the same entity exists. One range scan of
  // the (entity_type, entity_id, created_at, id) index that stops after K rows.
  const notAmongNewest = Prisma.sql`EXISTS (
      SELECT 1 FROM sync_log AS n
      WHERE ${sameEntity("n")} AND (n.created_at, n.id) > (r.created_at, r.id)
      ORDER BY n.created_at, n.id LIMIT 1 OFFSET ${keepLast - 1})`;
  // "Not the first created": the entity's oldest `created` row is another one. Ordered like
  // the (entity_type, entity_id, created_at, id) index, so the scan walks the entity's rows
  // from its oldest, which is nearly always that row, and stops there. (An EXISTS with
  // "created_at < r.created_at" let SQLite pick the (change_type, created_at) index instead
  // and walk every older `created` row of every entity.)
  const notFirstCreated =
    changeType === "created"
      ? Prisma.sql`AND r.id <> (
      SELECT p.id FROM sync_log AS p
      WHERE ${sameEntity("p")} AND p.change_type = 'created'
      ORDER BY p.created_at, p.id LIMIT 1)`
      : Prisma.empty;
  const bounded = upTo
    ? Prisma.sql`AND (r.created_at, r.id) <= (${upTo.createdAt}, ${upTo.id})`
    : Prisma.empty;
  return Prisma.sql`SELECT r.id FROM sync_log AS r
    WHERE ${candidates(changeType, entity, cutoff, after)} ${bounded}
      AND ${notAmongNewest} ${notFirstCreated}`;
}

async function removeEmptyRuns(cutoff: Date, batchSize: number): Promise<number> {
  let removed = 0;
  for (;;) {
    const count = await db().$executeRaw`
      DELETE FROM sync_history WHERE id IN (
        SELECT h.id FROM sync_history AS h
        WHERE h.started_at < ${cutoff} AND h.status <> 'running'
          AND NOT EXISTS (SELECT 1 FROM sync_log AS l WHERE l.sync_history_id = h.id)
          AND h.id <> COALESCE((
            SELECT w.id FROM sync_history AS w
            WHERE w.sync_type IN ('full', 'incremental')
              AND w.status IN ('completed', 'completed_with_errors')
              AND w.watermark_to IS NOT NULL
            ORDER BY w.started_at DESC LIMIT 1), -1)
        LIMIT ${batchSize})`;
    removed += count;
    if (count < batchSize) return removed;
    await yieldToEventLoop();
  }
}

function total(removed: Record<ChangeType, number>): number {
  return removed.created + removed.updated + removed.skipped + removed.failed;
}
