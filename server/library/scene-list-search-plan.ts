import { sceneListReader } from "../db/row-reader";
import { toStatement } from "../db/sql-dialect";
import { textSearch } from "../db/text-search";
import { countPresentScenes, EXACT_COUNT_LIMIT } from "./scene-list-count";
import type { SceneListQuery, SearchBy } from "./scene-list-query";

/** Scenes a page may always test one by one: a few tens of milliseconds at most. */
const WALK_LIMIT = 2_500;
/**
 * Past WALK_LIMIT, the scenes a page may test per match the search index would read: reading
 * the index and sorting its matches costs about a third of testing a scene, on either database
 * (docs/decisions.md).
 */
const WALK_PER_MATCH = 1 / 3;

export interface SearchPlan {
  searchBy: SearchBy;
  /** The share of scenes holding the text when they are too many to count, else null. */
  searchShare: number | null;
}

const byIndex: SearchPlan = { searchBy: "index", searchShare: null };

/**
 * How to answer a search, judged from the search index's sample: text in many scenes is found
 * by testing the scenes of the order's index until the page is full, and its total is
 * estimated, because the search index would decode every match (once for the page, once for
 * the count); rare text is read from the search index. Text too short for the index is judged
 * the same way, from the first scenes' own text, and rare short text read from the tables.
 */
export async function planSceneSearch(
  query: SceneListQuery,
  fromCursor: boolean,
): Promise<SearchPlan> {
  if (!query.search) return byIndex;
  const [sample] = await sceneListReader().all<{
    matched: number;
    sampled: number | null;
    linked: number;
  }>(toStatement(textSearch.sampleMatches(query.search)));
  if (!sample || sample.matched + sample.linked === 0) return byIndex;
  const present = await countPresentScenes();
  if (present === 0) return byIndex;
  // Scenes matched by name are counted by their links, so a scene may count twice: the share
  // errs high, which only sends a search to the walk a little sooner.
  const indexed =
    sample.sampled === null ? sample.matched / present : sample.matched / sample.sampled;
  const share = Math.min(1, indexed + sample.linked / present);
  const skipped = fromCursor ? 0 : (query.page - 1) * query.pageSize;
  return searchPlanFor({ share, present, skipped, pageSize: query.pageSize });
}

/**
 * The plan for text held by `share` of the `present` scenes, for a page of `pageSize` after
 * `skipped` matches: walk the order's index when the page is found within a few thousand
 * scenes, or within fewer scenes than the search index would read matches (WALK_PER_MATCH).
 */
export function searchPlanFor(p: {
  share: number;
  present: number;
  skipped: number;
  pageSize: number;
}): SearchPlan {
  const matches = p.share * p.present;
  if (matches <= EXACT_COUNT_LIMIT) return byIndex;
  const walked = (p.skipped + p.pageSize + 1) / p.share;
  const walk = walked <= WALK_LIMIT || walked <= matches * WALK_PER_MATCH;
  return { searchBy: walk ? "scan" : "index", searchShare: p.share };
}
