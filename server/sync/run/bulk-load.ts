import { bulkWriter, writeEachInTwoLanes } from "../../db/bulk-writer";
import {
  deferForBulkLoad,
  restoreDeferredSchema,
  restorePrimaryKeys,
} from "../../db/deferred-schema";
import { dialect } from "../../db/sql-dialect";
import { logger } from "../../logger";
import { errorText } from "../../errors";
import type { RunContext } from "../run-context";
import { EmptyLibraryLedger } from "../write/empty-library-ledger";

/**
 * The tables a scene page writes, whose secondary indexes (and, on PostgreSQL, primary and
 * foreign keys) a first sync builds at the end. On PostgreSQL that includes scene_search's
 * trigram index, which cost a first sync more to keep up row by row than to build once
 * (docs/decisions.md); SQLite's search table is a virtual table with no index to defer, and its
 * primary keys are part of their tables.
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
 * Tables a scene page writes whose foreign keys, but not indexes, a first sync defers: the
 * page's log rows each checked their run on PostgreSQL, 0.6 s of a 100,000-scene first sync
 * (docs/decisions.md). Their indexes serve whatever history the log already holds. (Keys of
 * other tables that refer to the scene tables go too, as the scene table's primary key does.)
 */
export const keysDeferredOf = ["sync_log"];

/**
 * Runs the scenes phase of a full sync, then `after` (work on other tables). Into an empty
 * library (the first sync, the bulk of all writing this app ever does) the phase runs with the
 * scene tables' secondary indexes and keys deferred, and they are built afterwards, much
 * faster (docs/decisions.md), while `after` runs; later syncs change few rows, where they cost
 * little. The primary keys come back early if a page repeats an id (EmptyLibraryLedger).
 * `intoEmptyLibrary` says which it was: then every scene stored is one the phase wrote, since
 * the sync lock keeps other writers out.
 */
export async function withSceneBulkLoad<T>(
  ctx: RunContext,
  phase: () => Promise<T>,
  after: () => Promise<void>,
): Promise<{ value: T; intoEmptyLibrary: boolean }> {
  const [anyScene] = await bulkWriter().query({
    sql: 'SELECT "id" FROM "scene" LIMIT 1',
    params: [],
  });
  if (anyScene) {
    const value = await phase();
    await after();
    return { value, intoEmptyLibrary: false };
  }
  await deferForBulkLoad(sceneTables, indexesFilledInOrder, keysDeferredOf);
  let building: Promise<unknown> | null = null;
  try {
    ctx.emptyLibrary = new EmptyLibraryLedger(restorePrimaryKeys);
    const value = await phase().finally(() => (ctx.emptyLibrary = null));
    // One index at a time on the writer, so the other work's pages are written between them.
    building = buildDeferred();
    await after();
    return { value, intoEmptyLibrary: true };
  } finally {
    ctx.progress.setPhase("building indexes", 0);
    await (building ?? buildDeferred());
    await refreshStatistics();
  }
}

/** If this fails the indexes stay deferred, not lost: the next sync or start rebuilds them. */
const buildDeferred = () =>
  restoreDeferredSchema().catch((error: unknown) =>
    logger.warn(
      `Could not rebuild the scene indexes yet (${errorText(error)}); the next sync will.`,
    ),
  );

/**
 * Statistics of the tables just filled, which reads right after the sync plan by: a table at a
 * time on each of the writer's connections, in sceneTables' order, which puts the two slowest
 * (scene, scene_file) first.
 */
const refreshStatistics = () =>
  writeEachInTwoLanes(bulkWriter(), dialect.statisticsRefresh(sceneTables)).catch(
    (error: unknown) =>
      logger.warn(`Could not refresh the scene tables' statistics (${errorText(error)}).`),
  );
