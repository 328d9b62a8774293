import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { readSceneSyncLogs } from "../../server/history/read-scene-sync-logs";
import { runRetention, type RetentionProgress } from "../../server/retention/run-retention";
import type { RetentionReport } from "../../server/retention/retention-schema";
import { providerOf } from "../../server/db/provider";
import { dialect } from "../../server/db/sql-dialect";
import { env } from "../../server/env";
import { createScene } from "../factories/library";

const NOW = new Date(Date.UTC(2027, 0, 1));
const ENTITIES = 10_000;
const ROWS_PER_ENTITY = 100; // 1,000,000 entity rows, plus the full-sync rows
const DAY = 86_400;
const settings = { skippedDays: 30, changedDays: 365, keepLastPerEntity: 10 };
const nowUnix = NOW.getTime() / 1000;

const postgresql = providerOf(env().DATABASE_URL) === "postgresql";

/**
 * A time given as Unix seconds, as the column stores it (test seeding only): on SQLite text in
 * the format Prisma's adapter writes, on PostgreSQL a timestamp without zone holding UTC.
 */
const stamp = (seconds: string) =>
  postgresql
    ? `(to_timestamp(${seconds}) AT TIME ZONE 'UTC')`
    : `strftime('%Y-%m-%dT%H:%M:%f+00:00', ${seconds}, 'unixepoch')`;

/** The n-th (0-based) parameter's placeholder. */
const p = (n: number) => dialect.placeholder(n);
/** The n-th parameter as a time where PostgreSQL cannot infer its type (inside CASE). */
const time = (n: number) => (postgresql ? `CAST(${p(n)} AS TIMESTAMP)` : p(n));

/**
 * 100 runs four days apart (the oldest 400 days ago). Run j logs every entity once: row 0 is
 * `created`, every tenth `updated`, a scattering `failed`, the rest `skipped`; one entity in a
 * hundred is `created` a second time (deleted in Stash and re-added). Each run also has a
 * full-sync row (entity NULL), and one old full-sync row has no outcome (still running).
 */
async function seedMillionRows(sceneId: string) {
  await db().$executeRawUnsafe(`
    WITH RECURSIVE j(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM j WHERE n < ${ROWS_PER_ENTITY - 1})
    INSERT INTO sync_history (id, job_id, sync_type, "trigger", status, started_at, completed_at)
    SELECT n + 1, 'seed-' || n, 'incremental', 'schedule', 'completed',
      ${stamp(`${nowUnix} - (400 - 4 * n) * ${DAY}`)}, ${stamp(`${nowUnix} - (400 - 4 * n) * ${DAY} + 600`)}
    FROM j`);
  await db().$executeRawUnsafe(
    `
    WITH RECURSIVE e(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM e WHERE n < ${ENTITIES}),
      j(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM j WHERE n < ${ROWS_PER_ENTITY - 1}),
      rows AS (
        SELECT j.n AS j, e.n AS e,
          CASE WHEN j.n = 0 OR (e.n % 100 = 0 AND j.n = 5) THEN 'created'
               WHEN j.n % 10 = 3 THEN 'updated'
               WHEN (j.n + e.n) % 17 = 5 THEN 'failed'
               ELSE 'skipped' END AS change_type
        FROM j CROSS JOIN e)
    INSERT INTO sync_log (sync_history_id, entity_type, entity_id, sync_type, had_changes,
      change_type, error_message, created_at)
    SELECT j + 1, CASE WHEN e % 7 = 0 THEN 'performer' ELSE 'scene' END,
      CASE WHEN e = 1 THEN ${p(0)} ELSE CAST(e AS TEXT) END, 'incremental',
      change_type IN ('created', 'updated'), change_type,
      CASE WHEN change_type = 'failed' THEN 'Stash answered 500' END,
      ${stamp(`${nowUnix} - (400 - 4 * j) * ${DAY} + e % 600`)}
    FROM rows ORDER BY j, e`,
    sceneId,
  );
  await db().$executeRawUnsafe(`
    INSERT INTO sync_log (sync_history_id, entity_type, entity_id, sync_type, had_changes,
      change_type, created_at)
    SELECT id, 'scene', NULL, 'full', id % 2 = 0,
      CASE WHEN id = 2 THEN NULL WHEN id % 2 = 0 THEN 'updated' ELSE 'skipped' END, started_at
    FROM sync_history`);
  // Runs without rows: an old failed one (goes), an old running one, a recent one, and the
  // old run whose watermark the next incremental starts from (all three stay).
  await db().$executeRawUnsafe(`
    INSERT INTO sync_history (id, job_id, sync_type, "trigger", status, started_at, watermark_to)
    VALUES
      (1001, 'empty-failed', 'incremental', 'schedule', 'failed', ${stamp(`${nowUnix} - 500 * ${DAY}`)}, NULL),
      (1002, 'empty-running', 'incremental', 'schedule', 'running', ${stamp(`${nowUnix} - 500 * ${DAY}`)}, NULL),
      (1003, 'empty-recent', 'incremental', 'schedule', 'completed', ${stamp(`${nowUnix} - 10 * ${DAY}`)}, NULL),
      (1004, 'empty-watermark', 'incremental', 'schedule', 'completed', ${stamp(`${nowUnix} - 450 * ${DAY}`)}, '{}')`);
}

/**
 * The rules, written independently of the implementation: window functions over the whole
 * table rank each row among its entity's rows (newest first) and among its entity's rows of
 * the same outcome (oldest first).
 */
async function computeExpectedDeletions() {
  const cutoff = (days: number) => new Date(NOW.getTime() - days * DAY * 1000);
  await db().$executeRawUnsafe(
    `CREATE TABLE expected_deleted (id INTEGER PRIMARY KEY, change_type TEXT)`,
  );
  await db().$executeRawUnsafe(
    `
    INSERT INTO expected_deleted (id, change_type)
    SELECT id, change_type FROM (
      SELECT id, change_type, created_at,
        ROW_NUMBER() OVER (PARTITION BY entity_type, entity_id ORDER BY created_at DESC, id DESC) AS newest_rank,
        ROW_NUMBER() OVER (PARTITION BY entity_type, entity_id, change_type ORDER BY created_at, id) AS outcome_rank
      FROM sync_log) AS ranked
    WHERE change_type IS NOT NULL
      AND newest_rank > ${p(0)}
      AND NOT (change_type = 'created' AND outcome_rank = 1)
      AND created_at < CASE WHEN change_type = 'skipped' THEN ${time(1)} ELSE ${time(2)} END`,
    settings.keepLastPerEntity,
    cutoff(settings.skippedDays),
    cutoff(settings.changedDays),
  );
  const byOutcome = await db().$queryRawUnsafe<Array<{ change_type: string; n: bigint }>>(
    `SELECT change_type, COUNT(*) AS n FROM expected_deleted GROUP BY change_type`,
  );
  const idSum = await sumOfIds("SELECT id FROM expected_deleted");
  const runs = await db().$queryRawUnsafe<Array<{ id: bigint }>>(
    `SELECT h.id FROM sync_history AS h
     WHERE h.started_at < ${p(0)} AND h.status <> 'running' AND h.job_id <> 'empty-watermark'
       AND NOT EXISTS (SELECT 1 FROM sync_log AS l WHERE l.sync_history_id = h.id
                       AND NOT EXISTS (SELECT 1 FROM expected_deleted AS e WHERE e.id = l.id))
     ORDER BY h.id`,
    cutoff(Math.max(settings.skippedDays, settings.changedDays)),
  );
  return {
    removed: Object.fromEntries(byOutcome.map((r) => [r.change_type, Number(r.n)])),
    idSum,
    runIds: runs.map((r) => Number(r.id)),
  };
}

async function sumOfIds(select: string): Promise<bigint> {
  const [row] = await db().$queryRawUnsafe<Array<{ s: bigint | number | null }>>(
    `SELECT COALESCE(SUM(id), 0) AS s FROM (${select}) AS ids`,
  );
  return BigInt(row?.s ?? 0);
}

const countRows = async (table: string) => {
  const [row] = await db().$queryRawUnsafe<Array<{ n: bigint }>>(
    `SELECT COUNT(*) AS n FROM ${table}`,
  );
  return Number(row?.n ?? 0);
};

describe("retention on a million sync_log rows", () => {
  let sceneId: string;
  let expected: Awaited<ReturnType<typeof computeExpectedDeletions>>;
  let rowsBefore: number;
  let idSumBefore: bigint;
  let report: RetentionReport;
  const progress: RetentionProgress[] = [];
  const historyAnswers: number[] = [];

  beforeAll(async () => {
    sceneId = (await createScene(db())).id;
    await seedMillionRows(sceneId);
    expected = await computeExpectedDeletions();
    rowsBefore = await countRows("sync_log");
    idSumBefore = await sumOfIds("SELECT id FROM sync_log");
    report = await runRetention({
      now: NOW,
      settings,
      onBatch: async (p) => {
        progress.push(p);
        // Pages keep answering between batches: a scene's history is read every 25 batches.
        if (p.batch % 25 === 1) {
          const page = await readSceneSyncLogs({ sceneId, limit: 20 });
          historyAnswers.push(page.items.length);
        }
      },
    });
  }, 600_000);

  it("was seeded with over a million rows", () => {
    expect(rowsBefore).toBeGreaterThan(1_000_000);
  });

  it("removes exactly the rows the rules select, by outcome", async () => {
    expect(report.removed).toEqual({
      created: expected.removed.created ?? 0,
      updated: expected.removed.updated ?? 0,
      skipped: expected.removed.skipped ?? 0,
      failed: expected.removed.failed ?? 0,
    });
    const total = Object.values(report.removed).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(500_000);
    expect(report.removed.created).toBeGreaterThan(0);
    expect(await countRows("sync_log")).toBe(rowsBefore - total);
    // The same rows, not just as many: the ids that went add up to the expected ids.
    expect(idSumBefore - (await sumOfIds("SELECT id FROM sync_log"))).toBe(expected.idSum);
  });

  it("keeps every entity's first created row and its newest rows", async () => {
    const [missingFirst] = await db().$queryRawUnsafe<Array<{ n: bigint }>>(
      `SELECT COUNT(*) AS n FROM sync_history AS h WHERE h.id = 1
         AND (SELECT COUNT(*) FROM sync_log WHERE sync_history_id = 1 AND change_type = 'created') <> ${p(0)}`,
      ENTITIES,
    );
    expect(Number(missingFirst?.n)).toBe(0);
    const [fewest] = await db().$queryRawUnsafe<Array<{ n: bigint }>>(
      `SELECT MIN(c) AS n FROM (SELECT COUNT(*) AS c FROM sync_log
         WHERE entity_id IS NOT NULL GROUP BY entity_type, entity_id) AS per_entity`,
    );
    expect(Number(fewest?.n)).toBeGreaterThanOrEqual(settings.keepLastPerEntity + 1);
  });

  it("removes only runs left without rows, never the watermark run or a running one", async () => {
    expect(report.removedRuns).toBe(expected.runIds.length);
    expect(expected.runIds).toContain(1001);
    const left = await db().syncHistory.findMany({
      where: { jobId: { in: ["empty-running", "empty-recent", "empty-watermark"] } },
    });
    expect(left).toHaveLength(3);
    const [orphans] = await db().$queryRawUnsafe<Array<{ n: bigint }>>(
      `SELECT COUNT(*) AS n FROM sync_log WHERE sync_history_id NOT IN (SELECT id FROM sync_history)`,
    );
    expect(Number(orphans?.n)).toBe(0);
  });

  it("deletes in bounded batches and the history query answers between them", () => {
    expect(progress.length).toBe(report.batches);
    const total = Object.values(report.removed).reduce((a, b) => a + b, 0);
    expect(progress.length).toBeGreaterThanOrEqual(Math.ceil(total / 5_000));
    expect(Math.max(...progress.map((p) => p.removed))).toBeLessThanOrEqual(5_000);
    expect(progress.at(-1)?.removedSoFar).toBe(total);
    expect(historyAnswers.length).toBeGreaterThan(5);
    expect(historyAnswers.every((n) => n === 20)).toBe(true);
  });
});
