import { readRows } from "../../db/row-reader";
import { dialect, withValues, type Statement } from "../../db/sql-dialect";

/**
 * Which of these file ids are stored now, read from committed rows on this thread's own
 * connection (as readDifferences reads). A page inserts the others without a conflict check,
 * which on PostgreSQL costs as much as the insert; one stored meanwhile fails the page, which
 * is then written again scene by scene, each planned anew (prepare-page.ts).
 */
export async function readStoredFileIds(ids: string[]): Promise<Set<string>> {
  const rows = await readRows<{ id: string }>(storedFileIdsStatements(ids));
  return new Set(rows.map((row) => row.id));
}

/** The statements of readStoredFileIds (exported for its query-plan test). */
export function storedFileIdsStatements(ids: string[]): Statement[] {
  return withValues(
    "added",
    ["id"],
    ids.map((id) => [id]),
    `SELECT f."id" FROM "added" AS a ${dialect.joinByKey("JOIN", "scene_file", "f", "id", 'a."id"')}`,
  );
}
