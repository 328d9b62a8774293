// CI guard: fails when prisma/schema.prisma and either provider's migrations disagree, or when
// prisma/postgresql/schema.prisma is not what db:derive-schemas writes.
import { existsSync, readFileSync } from "node:fs";
import { pendingSchemaChanges } from "../server/db/migrations";
import { schemaFor } from "../server/db/provider-schemas";
import { withThrowawayPostgres } from "./db-throwaway-postgres";

const fix = "Run `npm run db:new-migration -- <name>` and commit the result.";
const derived = schemaFor("postgresql");
if (!existsSync(derived.path) || readFileSync(derived.path, "utf8") !== derived.content) {
  console.error(`${derived.path} is not derived from prisma/schema.prisma. ${fix}`);
  process.exit(1);
}
const drift = {
  sqlite: await pendingSchemaChanges(),
  postgresql: await withThrowawayPostgres(async (cluster) =>
    pendingSchemaChanges({ provider: "postgresql", url: await cluster.createDatabase("scratch") }),
  ),
};
let failed = false;
for (const [provider, sql] of Object.entries(drift)) {
  if (!sql) continue;
  failed = true;
  console.error(`prisma/schema.prisma differs from what the ${provider} migrations build. ${fix}`);
  console.error(`Missing SQL:\n\n${sql}\n`);
}
if (failed) process.exit(1);
console.log("Migrations of both providers match schema.prisma.");
