// The pool and value parsers of PostgreSQL's raw paths (reader, writer, copy). Plain
// JavaScript, because the writer's thread (postgresql-writer-worker.mjs) loads it as is, like
// the SQLite writer's; postgresql-raw-pool.types.d.ts gives it types.
import pg from "pg";

const timestampOid = 1114;
const int8Oid = 20;
const numericOid = 1700;

/**
 * Type parsers for raw reads: counts and BigInt columns as numbers, timestamps as the UTC text
 * Prisma's SQLite adapter stores ("…T…+00:00"), so callers see one shape on both databases.
 */
export const rawTypes = {
  getTypeParser(oid, format) {
    if (oid === timestampOid)
      return (text) => new Date(`${text.replace(" ", "T")}Z`).toISOString().replace("Z", "+00:00");
    if (oid === int8Oid || oid === numericOid) return (text) => Number(text);
    return pg.types.getTypeParser(oid, format);
  },
};

/** A pool for the raw paths; `max` connections at most. */
export function openRawPool(url, max) {
  const pool = new pg.Pool({ connectionString: url, max, types: rawTypes });
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  return pool;
}
