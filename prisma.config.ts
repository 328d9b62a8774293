import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI downloads a native schema engine before any command, even `generate`, which
// never runs it. These machines cannot reach Prisma's binary host, so point it at a file that
// exists; migrations go through the WebAssembly engine instead (server/db/migrations.ts).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/stash-sync.db" },
});
