import { configDefaults, defineConfig } from "vitest/config";
import base from "./vitest.config";

// The second pass of `npm test`: the same setup on a throwaway PostgreSQL cluster
// (tests/setup/migrate-template-database.ts), over the part of the suite that passes on
// PostgreSQL so far (README, "PostgreSQL").
process.env.TEST_DATABASE = "postgresql";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // Each file also creates its database and opens a server connection per pool; a sync CLI
    // in a child process (killed-process) needs longer than on SQLite when the machine is busy.
    testTimeout: 60_000,
    include: [
      "tests/db/**/*.test.ts",
      "tests/history/**/*.test.ts",
      "tests/library/**/*.test.ts",
      "tests/sync/**/*.test.ts",
    ],
    exclude: [
      ...configDefaults.exclude,
      // Its busy-database case holds SQLite's file lock.
      "tests/db/prepare-server.test.ts",
      // Asserts SQLite's EXPLAIN QUERY PLAN.
      "tests/history/scene-sync-logs-query-plan.test.ts",
      "tests/library/scene-list-query-plan.test.ts",
    ],
  },
});
