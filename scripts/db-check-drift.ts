// CI guard: fails when prisma/schema.prisma and prisma/migrations/ disagree.
import { pendingSchemaChanges } from "../server/db/migrations";

const sql = await pendingSchemaChanges();
if (sql) {
  console.error("prisma/schema.prisma differs from what prisma/migrations/ build.");
  console.error("Run `npm run db:new-migration -- <name>` and commit the result. Missing SQL:\n");
  console.error(sql);
  process.exit(1);
}
console.log("Migrations match schema.prisma.");
