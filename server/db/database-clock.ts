import type { Db } from "./client";
import { dialect } from "./sql-dialect";

/**
 * The database server's clock. Heartbeats written on one machine are judged on another, and
 * machines' clocks differ; the database's is the one they all share. This process keeps its
 * own clock's offset from it, measured on every call of measureDatabaseClock.
 */
let offsetMs = 0;

/** Measures the database's clock against this process's; returns the database's now. */
export async function measureDatabaseClock(db: Db): Promise<Date> {
  const { sql: text, params } = dialect.currentTimeMs;
  const [row] = await db.$queryRawUnsafe<{ now: number | bigint }[]>(text, ...params);
  const now = Number(row!.now);
  offsetMs = now - Date.now();
  return new Date(now);
}

/** Now by the database's clock, as of the last measurement: the time heartbeats are written in. */
export function databaseNow(): Date {
  return new Date(Date.now() + offsetMs);
}
