// Applies pending migrations to the configured database (DATABASE_URL, default ./data/stash-sync.db).
import { migrationTarget } from "../server/db/database-file";
import { applyMigrations } from "../server/db/migrations";
import { env } from "../server/env";

const target = migrationTarget(env().DATABASE_URL);
const applied = await applyMigrations(target.location);
console.log(
  applied.length
    ? `Applied ${applied.join(", ")} to ${target.name}`
    : `${target.name} is up to date.`,
);
