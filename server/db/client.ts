import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client";
import { env } from "../env";
import { sqliteFileFromUrl } from "./database-file";

export type Db = PrismaClient;

/** A Prisma client on one SQLite file, with the settings every connection needs. */
export function createDb(databaseUrl: string): Db {
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
