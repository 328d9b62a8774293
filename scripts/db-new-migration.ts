// Creates the next migration of both providers from the difference between each migrations
// folder and prisma/schema.prisma: prisma/migrations/<timestamp>_<name>/ (SQLite) and
// prisma/postgresql/migrations/<timestamp>_<name>/ (PostgreSQL, diffed on a throwaway server).
// Usage: npm run db:new-migration -- <name>
import { writeFileSync } from "node:fs";
import { createMigration } from "../server/db/migrations";
import { schemaFor } from "../server/db/provider-schemas";
import { withThrowawayPostgres } from "./db-throwaway-postgres";

const name = process.argv[2];
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>   (e.g. add_notifications)");
  process.exit(2);
}
const postgresSchema = schemaFor("postgresql");
writeFileSync(postgresSchema.path, postgresSchema.content);
const now = new Date();
const created = [await createMigration(name, now)];
created.push(
  await withThrowawayPostgres(async (cluster) =>
    createMigration(name, now, {
      provider: "postgresql",
      url: await cluster.createDatabase("scratch"),
    }),
  ),
);
for (const dir of created.filter(Boolean)) console.log(`Created ${dir}`);
if (!created.some(Boolean))
  console.log("schema.prisma and the migrations agree: nothing to create.");
