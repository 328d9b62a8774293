import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../../server/db/migrations";

/**
 * Migrates one template database through the real migrations, once per test run; every test
 * file then starts from a copy of it (tests/setup/fresh-database.ts).
 */
export default async function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stash-sync-test-"));
  const template = path.join(dir, "template.db");
  await applyMigrations(template);
  process.env.STASH_SYNC_TEST_TEMPLATE_DB = template;
  process.env.STASH_SYNC_TEST_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
