import { sceneListReader } from "../db/row-reader";
import { dialect, sql, SqlFragment, toStatement } from "../db/sql-dialect";
import { countScenesStatement, sceneListWhere, type SceneListQuery } from "./scene-list-query";

/** Up to this many matches are counted exactly; past it the count is estimated. */
export const EXACT_COUNT_LIMIT = 10_000;
/** The estimate counts matches among this many scenes (the oldest stored). */
const SAMPLE_SIZE = 20_000;

export interface SceneCount {
  total: number;
  /** The total is an estimate ("about …"), not a count. */
  estimated: boolean;
}

const isFiltered = (q: SceneListQuery) =>
  Boolean(q.search || q.performerId || q.tagId || q.studioId || q.failing) ||
  q.organized !== undefined;

/** Scenes still in Stash, without reading each one (see dialect.presentScenes). */
export function countPresentScenes(): Promise<number> {
  return sceneListReader()
    .column<number>({ sql: dialect.presentScenes, params: [] })
    .then(([n = 0]) => n);
}

const sample = () => new SqlFragment([dialect.firstStoredRows(SAMPLE_SIZE)], []);

/** Two significant digits: an estimate claims no more than it knows. */
const roughly = (n: number) => {
  const scale = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(n, 1))) - 1);
  return Math.round(n / scale) * scale;
};

/**
 * How many scenes the list shows, without reading every match of a broad filter: exact up to
 * EXACT_COUNT_LIMIT; past it, the share of matches among the first SAMPLE_SIZE scenes times
 * the library's size, never below what was counted. A search already judged common
 * (scene-list-search-plan.ts) brings the share of scenes holding its text, `searchShare`: the
 * other filters' total times that share, without reading the search's matches.
 */
export async function countSceneList(
  query: SceneListQuery,
  searchShare: number | null = null,
): Promise<SceneCount> {
  if (searchShare !== null) {
    const others = await countSceneList({ ...query, search: undefined });
    return { total: roughly(others.total * searchShare), estimated: true };
  }
  if (!isFiltered(query)) return { total: await countPresentScenes(), estimated: false };
  const [counted = 0] = await sceneListReader().column<number>(
    countScenesStatement(query, EXACT_COUNT_LIMIT + 1),
  );
  if (counted <= EXACT_COUNT_LIMIT) return { total: counted, estimated: false };
  const [[inSample = 0], [sampled = 0], present] = await Promise.all([
    sceneListReader().column<number>(
      toStatement(sql`SELECT COUNT(*) FROM "scene" WHERE ${sample()}
        AND ${sceneListWhere(query)}`),
    ),
    sceneListReader().column<number>(
      toStatement(sql`SELECT COUNT(*) FROM "scene" WHERE ${sample()}
        AND "scene"."removed_at" IS NULL`),
    ),
    countPresentScenes(),
  ]);
  const share = sampled > 0 ? inSample / sampled : 1;
  return { total: Math.max(counted, roughly(share * present)), estimated: true };
}
