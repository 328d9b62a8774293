import { rmSync } from "node:fs";
import path from "node:path";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../scripts/db-throwaway-postgres";
import { applyMigrations } from "../server/db/migrations";
import type { DatabaseProvider } from "../server/db/provider";

/**
 * The bench's databases, one per pass, migrated: SQLite files in the bench's temp folder, or
 * databases on a throwaway PostgreSQL cluster (`--db postgresql`) started for the run.
 */
export interface BenchDatabases {
  provider: DatabaseProvider;
  /** A new migrated database; returns its DATABASE_URL. */
  create(name: string): Promise<string>;
  /** The DATABASE_URL of a database create() made. */
  url(name: string): string;
  /** Removes a database create() made, so nothing of it runs beside the passes after it. */
  drop(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBenchDatabases(
  provider: DatabaseProvider,
  workDir: string,
): Promise<BenchDatabases> {
  if (provider === "sqlite") {
    const url = (name: string) => `file:${path.join(workDir, `${name}.db`)}`;
    return {
      provider,
      // Migrated here: Prisma's schema engine would stay in the pass's memory (~50 MB of
      // WebAssembly), which neither the server nor the sync CLI ever load.
      async create(name) {
        await applyMigrations(path.join(workDir, `${name}.db`));
        return url(name);
      },
      url,
      drop: async (name) => {
        for (const suffix of ["", "-wal", "-shm"])
          rmSync(path.join(workDir, `${name}.db${suffix}`), { force: true });
      },
      close: async () => {},
    };
  }
  const cluster: ThrowawayPostgres = await startThrowawayPostgres();
  const names = (name: string) => name.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  return {
    provider,
    async create(name) {
      const url = await cluster.createDatabase(names(name));
      await applyMigrations(url);
      return url;
    },
    url: (name) => cluster.url(names(name)),
    // A database just filled would be vacuumed and analyzed by PostgreSQL's autovacuum about a
    // minute later, on the cores a later pass measures (seen landing in the next pass's syncs).
    drop: (name) => cluster.dropDatabase(names(name)),
    close: () => cluster.stop(),
  };
}

/**
 * SQL that adds `count` sync_log rows to run `runId`, spread over `sceneCount` scenes (one
 * full-sync NULL row per 100,000), numbered from `done`: in SQL so seeding takes seconds.
 */
export function seedLogRowsSql(
  provider: DatabaseProvider,
  p: { runId: number; count: number; done: number; sceneCount: number },
): string {
  const rows =
    provider === "postgresql"
      ? `generate_series(1, ${p.count}) AS seq(i)`
      : `(WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${p.count}) SELECT i FROM seq) AS seq`;
  const createdAt =
    provider === "postgresql"
      ? `TIMESTAMP '2025-01-01' + ((i + ${p.done}) / 10) * INTERVAL '1 second'`
      : `strftime('%Y-%m-%dT%H:%M:%S.000+00:00', '2025-01-01', '+' || ((i + ${p.done}) / 10) || ' seconds')`;
  return `INSERT INTO "sync_log" ("sync_history_id", "entity_type", "entity_id", "sync_type", "had_changes", "change_type", "created_at")
    SELECT ${p.runId}, 'scene',
           CASE WHEN (i + ${p.done}) % 100000 = 0 THEN NULL ELSE CAST(1 + ((i + ${p.done}) % ${p.sceneCount}) AS TEXT) END,
           CASE WHEN (i + ${p.done}) % 100000 = 0 THEN 'full' ELSE 'incremental' END,
           (i % 7 = 0), CASE WHEN i % 7 = 0 THEN 'updated' ELSE 'skipped' END,
           ${createdAt}
    FROM ${rows}`;
}
