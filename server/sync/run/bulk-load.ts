import { bulkWriter } from "../../db/bulk-writer";
import { deferForBulkLoad, restoreDeferredSchema } from "../../db/deferred-schema";
import { logger } from "../../logger";
import { errorText } from "../../errors";
import type { RunContext } from "../run-context";

/**
 * The tables a scene page writes, whose secondary indexes (and, on PostgreSQL, foreign keys) a
 * first sync builds at the end. On PostgreSQL that includes scene_search's trigram index, which
 * cost a first sync more to keep up row by row than to build once (docs/decisions.md); SQLite's
 * search table is a virtual table with no index to defer.
 */
export const sceneTables = ["scene", "scene_file", "scene_performer", "scene_tag", "scene_search"];

/**
 * Their indexes that a first sync fills in key order, which it keeps up page by page at no
 * measurable cost instead of building them after its last page: a page's scenes share one
 * sync time and none is removed yet, and files come by scene id (docs/decisions.md).
 */
export const indexesFilledInOrder = [
  "scene_last_synced_at_id_removed_at_idx",
  "scene_removed_at_idx",
  "scene_file_scene_id_idx",
];

/**
 * Runs the scenes phase of a full sync. Into an empty library (the first sync, the bulk of all
 * writing this app ever does) it runs with the scene tables' secondary indexes and foreign
 * keys deferred and builds them afterwards, much faster (docs/decisions.md); later syncs
 * change few rows, where they cost little. `intoEmptyLibrary` says which it was: then every
 * scene stored is one the phase wrote, since the sync lock keeps other writers out.
 */
export async function withSceneBulkLoad<T>(
  ctx: RunContext,
  phase: () => Promise<T>,
): Promise<{ value: T; intoEmptyLibrary: boolean }> {
  const [anyScene] = await bulkWriter().query({
    sql: 'SELECT "id" FROM "scene" LIMIT 1',
    params: [],
  });
  if (anyScene) return { value: await phase(), intoEmptyLibrary: false };
  await deferForBulkLoad(sceneTables, indexesFilledInOrder);
  try {
    return { value: await phase(), intoEmptyLibrary: true };
  } finally {
    ctx.progress.setPhase("building indexes", 0);
    // If this fails the indexes stay deferred, not lost: the next sync or start rebuilds them.
    await restoreDeferredSchema().catch((error: unknown) =>
      logger.warn(
        `Could not rebuild the scene indexes yet (${errorText(error)}); the next sync will.`,
      ),
    );
  }
}
