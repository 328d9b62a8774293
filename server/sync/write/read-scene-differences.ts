import { readRows } from "../../db/row-reader";
import { dialect, withValues, type Statement } from "../../db/sql-dialect";

/** A scene of the page that is not stored as Stash sends it now (see readDifferences). */
export interface Difference {
  id: string;
  /** Null when the scene is not stored at all. */
  stored_id: string | null;
  removed_at: unknown;
}

/**
 * The page's scenes that are not stored as they come now: new, with another digest, or
 * marked removed. The database compares (a re-sync of an unchanged library gets no rows back,
 * instead of a thousand to compare here). It reads what is committed now, on this thread's
 * own connection: the writer's thread may be committing the previous page meanwhile (see
 * pageThrough, which makes sure that page holds none of these).
 */
export async function readDifferences(
  incoming: { id: string; digest: string }[],
): Promise<Map<string, Difference>> {
  const statements = differencesStatements(incoming);
  return new Map((await readRows<Difference>(statements)).map((row) => [row.id, row]));
}

/** The statements of readDifferences (exported for its query-plan test). */
export function differencesStatements(incoming: { id: string; digest: string }[]): Statement[] {
  return withValues(
    "incoming",
    ["id", "content_hash"],
    incoming.map((i) => [i.id, i.digest]),
    `SELECT i."id", s."id" AS "stored_id", s."removed_at"
    FROM "incoming" AS i ${dialect.joinByKey("LEFT JOIN", "scene", "s", "id", 'i."id"')}
    WHERE s."id" IS NULL OR s."content_hash" <> i."content_hash" OR s."removed_at" IS NOT NULL`,
  );
}
