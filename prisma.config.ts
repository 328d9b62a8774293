import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI downloads a native schema engine before any command, even `generate`, which
// never runs it. These machines cannot reach Prisma's binary host, so point it at a file that
// exists; migrations go through the WebAssembly engine instead (server/db/migrations.ts).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

const url = process.env.DATABASE_URL ?? "file:./data/stash-sync.db";
// The stock CLI (`prisma migrate deploy`) works on the provider the URL names, as the app does
// (server/db/provider.ts): PostgreSQL's schema and migrations are under prisma/postgresql/.
const dir = /^postgres(ql)?:\/\//i.test(url) ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations") },
  datasource: { url },
});
