// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma, the one schema source
// (server/db/provider-schemas.ts). Run by postinstall before `prisma generate` and by
// db:new-migration; db:check fails when the written file is stale.
import { writeFileSync } from "node:fs";
import { schemaFor } from "../server/db/provider-schemas";

const schema = schemaFor("postgresql");
writeFileSync(schema.path, schema.content);
