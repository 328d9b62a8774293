// Runs before the web server starts: apply pending migrations (an upgrade is a restart) and
// mark runs a dead process left "running" as interrupted.
import { bulkWriter } from "../server/db/bulk-writer";
import { db } from "../server/db/client";
import { restoreDeferredIndexes } from "../server/db/deferred-indexes";
import { sqliteFileFromUrl } from "../server/db/database-file";
import { applyMigrations } from "../server/db/migrations";
import { env } from "../server/env";
import { logger } from "../server/logger";
import { recoverInterruptedRuns } from "../server/sync/sync-lock";

const applied = await applyMigrations(sqliteFileFromUrl(env().DATABASE_URL));
if (applied.length) logger.info(`Applied migrations: ${applied.join(", ")}`);
const interrupted = await recoverInterruptedRuns(db());
if (interrupted.length) {
  logger.warn(`Marked ${interrupted.length} unfinished sync run(s) as interrupted.`);
  // One of them may have been filling an empty library with its indexes deferred.
  const rebuilt = await restoreDeferredIndexes();
  if (rebuilt.length) logger.info(`Rebuilt indexes: ${rebuilt.join(", ")}`);
}
await db().$disconnect();
await bulkWriter().close();
