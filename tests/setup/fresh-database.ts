import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createDatabase } from "../../scripts/db-throwaway-postgres";

// A fresh database for this test file, copied from the migrated template: a SQLite file, or on
// PostgreSQL a database created from the template. Set before any module reads the
// environment, so the app's one database module opens it.
const template = process.env.STASH_SYNC_TEST_TEMPLATE_DB;
const dir = process.env.STASH_SYNC_TEST_DIR;
const postgresServer = process.env.STASH_SYNC_TEST_POSTGRES_SERVER;
if (!template || !dir) throw new Error("tests/setup/migrate-template-database.ts did not run");
if (postgresServer) {
  const name = `test_${randomUUID().replace(/-/g, "")}`;
  process.env.DATABASE_URL = await createDatabase(postgresServer, name, template);
} else {
  const file = path.join(dir, `${randomUUID()}.db`);
  copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
}
delete process.env.STASH_URL;
delete process.env.STASH_API_KEY;
delete process.env.STASH_SYNC_TOKEN;

// As every process that runs syncs does (instrumentation.ts, the CLI): notifications hear of
// runs that end.
const { notifyWhenRunsEnd } = await import("../../server/notifications/notify-when-runs-end");
notifyWhenRunsEnd();
