import { sceneListReader } from "../db/row-reader";
import { toStatement } from "../db/sql-dialect";
import { textSearch } from "../db/text-search";
import { countPresentScenes, EXACT_COUNT_LIMIT } from "./scene-list-count";
import type { SceneListQuery, SearchBy } from "./scene-list-query";

/** The most scenes a page tests one by one before reading the search index costs less. */
const WALK_LIMIT = 2_500;

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
 * the count); rare text is read from the search index.
 */
export async function planSceneSearch(
  query: SceneListQuery,
  fromCursor: boolean,
): Promise<SearchPlan> {
  if (!query.search || [...query.search].length < textSearch.minIndexedLength) return byIndex;
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
  if (share * present <= EXACT_COUNT_LIMIT) return byIndex;
  const skipped = fromCursor ? 0 : (query.page - 1) * query.pageSize;
  const walked = (skipped + query.pageSize + 1) / share;
  return {
    searchBy: walked <= WALK_LIMIT ? "scan" : "index",
    searchShare: share,
  };
}
