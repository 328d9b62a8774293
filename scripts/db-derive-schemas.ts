// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma, the one schema source
// (server/db/provider-schemas.ts). db:new-migration runs it too; the file is checked in, so
// postinstall generates both clients without it, and db:check fails when it is stale.
import { writeFileSync } from "node:fs";
import { schemaFor } from "../server/db/provider-schemas";

const schema = schemaFor("postgresql");
writeFileSync(schema.path, schema.content);
