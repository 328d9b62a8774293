import type { Db } from "../../db/client";
import type { Statement } from "../../db/sql-dialect";

/**
 * Runs one page's statements in one transaction: a page is written whole or not at all, so a
 * process killed at any moment leaves the database consistent.
 */
export async function executeInTransaction(db: Db, statements: Statement[]): Promise<void> {
  if (statements.length === 0) return;
  await db.$transaction(
    async (tx) => {
      for (const statement of statements) {
        await tx.$executeRawUnsafe(statement.sql, ...statement.params);
      }
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}
