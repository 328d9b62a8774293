// Runs before the web server starts: rebuild indexes a stopped first sync deferred, apply
// pending migrations (an upgrade is a restart), mark runs and analysis plans a dead process
// left "running" as interrupted, and end the claims of applies that died.
import { existsSync } from "node:fs";
import { closeBulkWriter } from "../server/db/bulk-writer";
import { db } from "../server/db/client";
import { restoreDeferredSchema } from "../server/db/deferred-schema";
import { migrationTarget } from "../server/db/database-file";
import { applyMigrations, assertNoUnknownMigrations } from "../server/db/migrations";
import { providerOf } from "../server/db/provider";
import { dialect } from "../server/db/sql-dialect";
import { env } from "../server/env";
import { errorText, isAppError } from "../server/errors";
import { logger } from "../server/logger";
import { notifyWhenRunsEnd } from "../server/notifications/notify-when-runs-end";
import { recoverInterruptedApplies } from "../server/analysis/apply-claim";
import { recoverInterruptedPlans } from "../server/analysis/plan-run-record";
import { recoverInterruptedRuns } from "../server/sync/run-record";
import { runningJobId } from "../server/sync/sync-lock";

const target = migrationTarget(env().DATABASE_URL);
const file = target.name;
try {
  // Before anything writes: an older build must leave a newer build's database as it found it.
  await assertNoUnknownMigrations(target.location);
  // A SQLite file that does not exist yet has nothing deferred; a PostgreSQL server always answers.
  if (providerOf(env().DATABASE_URL) === "postgresql" || existsSync(target.location)) {
    // A first sync killed while filling the library left its indexes deferred: rebuild them
    // before migrations, which are written against the full schema and may change them. Not
    // while a sync runs (the CLI from cron, another host): what it deferred is its own to
    // rebuild, and two rebuilds at once would race. A schema too old to say (before its
    // migrations) cannot hold keys this version defers.
    const running = await runningJobId(db()).catch(() => null);
    if (running) {
      logger.info(`A sync is running (job ${running}): it rebuilds the indexes it deferred.`);
    } else {
      const rebuilt = await restoreDeferredSchema();
      if (rebuilt.length)
        logger.info(`Rebuilt indexes a stopped sync had deferred: ${rebuilt.join(", ")}`);
    }
    // Migrations need the file alone (SQLite): both connections closed, db() reopens.
    await Promise.all([closeBulkWriter(), db().$disconnect()]);
  }
  const applied = await applyMigrations(target.location);
  if (applied.length) logger.info(`Applied migrations: ${applied.join(", ")}`);
  notifyWhenRunsEnd();
  const interrupted = await recoverInterruptedRuns(db());
  if (interrupted.length)
    logger.warn(`Marked ${interrupted.length} unfinished sync run(s) as interrupted.`);
  // Plans whose heartbeat stopped: a plan another live process runs keeps beating.
  const plans = await recoverInterruptedPlans(db(), new Set());
  if (plans.length)
    logger.warn(`Marked ${plans.length} unfinished analysis plan(s) as interrupted.`);
  const applies = await recoverInterruptedApplies(db());
  if (applies.length)
    logger.warn(`Ended the apply claims of ${applies.length} plan(s) whose apply stopped.`);
  await db().$disconnect();
} catch (error) {
  // Most often a sync from cron (npm run sync) or a second server writing to the same file:
  // say so, instead of a driver's bare error code.
  logger.error(
    isAppError(error)
      ? error.message
      : dialect.isBusyError(error)
        ? `The database ${file} is in use by another stash-sync process (a sync started from cron, or a second server). Let it finish or stop it, then start again. (${errorText(error)})`
        : `Could not prepare the database ${file}: ${error instanceof Error && error.stack ? error.stack : errorText(error)}`,
  );
  process.exit(1);
}
