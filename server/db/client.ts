import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client";
import { PrismaClient as PostgresqlPrismaClient } from "../../generated/prisma-postgresql/client";
import { env } from "../env";
import { sqliteFileFromUrl } from "./database-file";
import { providerOf } from "./provider";

/**
 * The Prisma client's type. Both providers' clients are generated from the same schema
 * (prisma/schema.prisma), so they offer the same models and queries; the SQLite client's type
 * stands for both.
 */
export type Db = PrismaClient;

/** A Prisma client on the database the URL names, with the settings every connection needs. */
export function createDb(databaseUrl: string): Db {
  if (providerOf(databaseUrl) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: databaseUrl });
    return new PostgresqlPrismaClient({ adapter }) as unknown as Db;
  }
  const adapter = new PrismaBetterSqlite3({
    url: sqliteFileFromUrl(databaseUrl),
    // A sync writes while pages read: wait for the writer instead of failing with SQLITE_BUSY.
    timeout: 10_000,
  });
  return new PrismaClient({ adapter });
}

// One client per process; the globalThis cache survives Next's dev-mode module reloads, which
// would otherwise open a new connection on every edit.
const globalForDb = globalThis as unknown as { stashSyncDb?: Db };

export function db(): Db {
  globalForDb.stashSyncDb ??= createDb(env().DATABASE_URL);
  return globalForDb.stashSyncDb;
}
