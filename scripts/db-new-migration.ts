// Creates prisma/migrations/<timestamp>_<name>/ from the difference between the migrations
// folder and prisma/schema.prisma. Usage: npm run db:new-migration -- <name>
import { createMigration } from "../server/db/migrations";

const name = process.argv[2];
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>   (e.g. add_notifications)");
  process.exit(2);
}
const dir = await createMigration(name);
console.log(dir ? `Created ${dir}` : "schema.prisma and the migrations agree: nothing to create.");
