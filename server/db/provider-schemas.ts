import { readFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseProvider } from "./provider";

/**
 * prisma/schema.prisma is the one schema source. Prisma generates a client per provider, so
 * PostgreSQL's schema is derived from it (provider and client output changed) and written to
 * prisma/postgresql/schema.prisma by `npm run db:derive-schemas`; `db:check` fails when the
 * written file differs from what this derives.
 */
// Run from the project root, like every entry point (see database-file.ts).
const prismaDir = path.join(process.cwd(), "prisma");

export interface SchemaFile {
  path: string;
  content: string;
}

/** Where a provider's schema and migrations live. */
export function providerDir(provider: DatabaseProvider): string {
  return provider === "sqlite" ? prismaDir : path.join(prismaDir, "postgresql");
}

export function sourceSchema(): SchemaFile {
  const schemaPath = path.join(prismaDir, "schema.prisma");
  return { path: schemaPath, content: readFileSync(schemaPath, "utf8") };
}

/** The schema for one provider, as derived from the source (the source itself for SQLite). */
export function schemaFor(provider: DatabaseProvider): SchemaFile {
  const source = sourceSchema();
  if (provider === "sqlite") return source;
  return {
    path: path.join(providerDir(provider), "schema.prisma"),
    content: derivePostgresqlSchema(source.content),
  };
}

export function derivePostgresqlSchema(source: string): string {
  const swap = (text: string, from: RegExp, to: string) => {
    if (!from.test(text)) throw new Error(`prisma/schema.prisma no longer has ${from}`);
    return text.replace(from, to);
  };
  let schema = swap(source, /provider(\s*)= "sqlite"/, 'provider$1= "postgresql"');
  schema = swap(
    schema,
    /output(\s*)= "\.\.\/generated\/prisma"/,
    'output$1= "../../generated/prisma-postgresql"',
  );
  return `// Generated from prisma/schema.prisma by \`npm run db:derive-schemas\`: edit that file instead.\n\n${schema}`;
}
