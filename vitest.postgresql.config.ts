import { configDefaults, defineConfig } from "vitest/config";
import base from "./vitest.config";

// The second pass of `npm test`: the same setup on a throwaway PostgreSQL cluster
// (tests/setup/migrate-template-database.ts), over every part of the suite that touches the
// database (README, "PostgreSQL"). Tests that never open it (the Stash client, env, logger,
// sign-in limits) would only repeat the SQLite pass.
process.env.TEST_DATABASE = "postgresql";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // Each file also creates its database and opens a server connection per pool; a sync CLI
    // in a child process (killed-process) needs longer than on SQLite when the machine is busy.
    testTimeout: 60_000,
    include: [
      "tests/{analysis,api,db,export,health,history,hooks,library,notifications}/**/*.test.ts",
      "tests/{releases,restore,retention,schedule,stats,sync,watch}/**/*.test.ts",
      "tests/stash/stash-behind-https-prefix.test.ts",
    ],
    exclude: [
      ...configDefaults.exclude,
      // Its busy-database case holds SQLite's file lock.
      "tests/db/prepare-server.test.ts",
      // SQLite's write-ahead log and its checkpointer thread; PostgreSQL checkpoints on its own.
      "tests/db/sqlite-checkpointer.test.ts",
      // Asserts SQLite's EXPLAIN QUERY PLAN (its twin: scene-sync-logs-query-plan-postgresql).
      "tests/history/scene-sync-logs-query-plan.test.ts",
      // Asserts SQLite's EXPLAIN QUERY PLAN of a retention batch (retention-million-rows runs here).
      "tests/retention/retention-query-plan.test.ts",
      // Asserts SQLite's EXPLAIN QUERY PLAN of the scene list.
      "tests/library/scene-list-query-plan.test.ts",
    ],
  },
});
