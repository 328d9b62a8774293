import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFileFromUrl } from "../../server/db/database-file";
import { toPostgresStatement } from "../../server/db/postgresql-values";
import { providerOf } from "../../server/db/provider";
import type { Statement } from "../../server/db/sql-dialect";
import { toSqliteStatement } from "../../server/db/sqlite-values";
import { env } from "../../server/env";

/** Runs a statement on a connection of its own to the test's database, as another process would. */
export async function writeFromAnotherConnection(statement: Statement): Promise<void> {
  const url = env().DATABASE_URL;
  if (providerOf(url) === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { sql, params } = toPostgresStatement(statement);
      await client.query(sql, params);
    } finally {
      await client.end();
    }
    return;
  }
  const other = new Database(sqliteFileFromUrl(url));
  try {
    const { sql, params } = toSqliteStatement(statement);
    other.prepare(sql).run(params);
  } finally {
    other.close();
  }
}
