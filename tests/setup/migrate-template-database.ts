import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../../server/db/migrations";
import { startThrowawayPostgres } from "../../scripts/db-throwaway-postgres";

/**
 * Migrates one template database through the real migrations, once per test run; every test
 * file then starts from a copy of it (tests/setup/fresh-database.ts). With
 * TEST_DATABASE=postgresql (vitest.postgresql.config.ts) the template is a database on a
 * throwaway PostgreSQL cluster that lives as long as the run.
 */
export default async function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stash-sync-test-"));
  process.env.STASH_SYNC_TEST_DIR = dir;
  if (process.env.TEST_DATABASE === "postgresql") {
    const cluster = await startThrowawayPostgres();
    try {
      const templateName = "stash_sync_template";
      await applyMigrations(await cluster.createDatabase(templateName));
      process.env.STASH_SYNC_TEST_POSTGRES_SERVER = cluster.url("postgres");
      process.env.STASH_SYNC_TEST_TEMPLATE_DB = templateName;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return async () => {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const template = path.join(dir, "template.db");
  await applyMigrations(template);
  process.env.STASH_SYNC_TEST_TEMPLATE_DB = template;
  return () => rmSync(dir, { recursive: true, force: true });
}
