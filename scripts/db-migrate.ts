// Applies pending migrations to the configured database (DATABASE_URL, default ./data/stash-sync.db).
import { sqliteFileFromUrl } from "../server/db/database-file";
import { applyMigrations } from "../server/db/migrations";
import { env } from "../server/env";

const file = sqliteFileFromUrl(env().DATABASE_URL);
const applied = await applyMigrations(file);
console.log(applied.length ? `Applied ${applied.join(", ")} to ${file}` : `${file} is up to date.`);
