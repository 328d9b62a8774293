import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: [
      ...configDefaults.exclude,
      // Asserts PostgreSQL's EXPLAIN; the PostgreSQL pass runs it (vitest.postgresql.config.ts).
      "tests/**/*-postgresql.test.ts",
    ],
    // Each test file gets its own process, its own SQLite file and its own simulator.
    pool: "forks",
    globalSetup: ["tests/setup/migrate-template-database.ts"],
    setupFiles: ["tests/setup/fresh-database.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
