import { dialect, sql, SqlFragment, toStatement, type Statement } from "../db/sql-dialect";
import { textSearch } from "../db/text-search";
import { orderBy, orderColumn } from "./scene-list-orders";
import type { ListScenesInput } from "./scene-list-schema";

export type SceneListQuery = Required<Pick<ListScenesInput, "sort" | "page" | "pageSize">> &
  Omit<ListScenesInput, "sort" | "page" | "pageSize" | "after">;

const raw = (text: string) => new SqlFragment([text], []);

/**
 * Text matched by testing titles, paths and names scene by scene as the order's index reaches
 * them (a search planned as "scan", which stops within a few thousand scenes). It asks about
 * each scene's files, studio and links as scalar subqueries, which read that scene's rows
 * alone: PostgreSQL turns an EXISTS into a hash of every match, built first by reading all of
 * scene_file or scene_tag (400–500 ms and 300 ms at 500,000 scenes).
 */
function walkedSearch(text: string): SqlFragment {
  const any = (rows: SqlFragment) => sql`(${rows} LIMIT 1) IS NOT NULL`;
  const named = (link: string, table: string, key: string) =>
    any(sql`SELECT 1 FROM ${raw(`"${link}" AS "l" JOIN "${table}" AS "n" ON "n"."id" = "l"."${key}"`)}
      WHERE "l"."scene_id" = "scene"."id" AND ${dialect.containsText(`"n"."name"`, text)}`);
  return sql`(${dialect.containsText(`"scene"."title"`, text)}
    OR ${any(sql`SELECT 1 FROM "scene_file" AS "f"
      WHERE "f"."scene_id" = "scene"."id" AND ${dialect.containsText(`"f"."path"`, text)}`)}
    OR ${any(sql`SELECT 1 FROM "studio" AS "s"
      WHERE "s"."id" = "scene"."studio_id" AND ${dialect.containsText(`"s"."name"`, text)}`)}
    OR ${named("scene_performer", "performer", "performer_id")}
    OR ${named("scene_tag", "tag", "tag_id")})`;
}

function searchCondition(text: string, searchBy: SearchBy): SqlFragment {
  if (searchBy === "scan") return walkedSearch(text);
  return sql`"scene"."id" IN (${textSearch.sceneIdsContaining(text)})`;
}

/**
 * How a search is answered: "index" reads every match from the search index first (cheap for
 * rare text); "scan" tests each scene the order's index reaches (cheap for common text, whose
 * index lookup decodes long lists of matches).
 */
export type SearchBy = "index" | "scan";

/**
 * The scene list's filters. The search is literal: `%`, `_` and `"` are characters. Each
 * filter is answered from an index: the search index, or the index of its column.
 */
export function sceneListWhere(
  query: Omit<SceneListQuery, "sort" | "page" | "pageSize">,
  searchBy: SearchBy = "index",
) {
  const conditions = [raw(`${dialect.unindexed(`"scene"."removed_at"`)} IS NULL`)];
  if (query.studioId) conditions.push(sql`"scene"."studio_id" = ${query.studioId}`);
  if (query.organized !== undefined) conditions.push(sql`"scene"."organized" = ${query.organized}`);
  // An indexed column, not a list of ids: thousands of failing scenes stay one query.
  if (query.failing) conditions.push(sql`"scene"."last_sync_failed" = ${true}`);
  if (query.performerId) {
    conditions.push(sql`"scene"."id" IN (SELECT "p"."scene_id" FROM "scene_performer" AS "p"
      WHERE "p"."performer_id" = ${query.performerId})`);
  }
  if (query.tagId) {
    conditions.push(sql`"scene"."id" IN (SELECT "t"."scene_id" FROM "scene_tag" AS "t"
      WHERE "t"."tag_id" = ${query.tagId})`);
  }
  if (query.search) {
    conditions.push(searchCondition(query.search, searchBy));
  }
  return conditions.reduce((all, condition) => sql`${all} AND ${condition}`);
}

/**
 * How many scenes match, counting no further than `limit`: past it the page shows an
 * estimate (scene-list-count.ts) instead of reading every match.
 */
export function countScenesStatement(query: SceneListQuery, limit: number): Statement {
  return toStatement(sql`SELECT COUNT(*) FROM (SELECT 1 FROM "scene"
    WHERE ${sceneListWhere(query)} LIMIT ${limit})`);
}

/**
 * One page of matching scenes by its number, in the list's order: ids and the order's values
 * (for the next page's cursor), `limit` rows at most. The page is found by skipping through
 * the order's covering index; a page reached by its cursor reads only its own rows
 * (scene-list-keyset.ts).
 */
export function scenePageIdsStatement(
  query: SceneListQuery,
  limit = query.pageSize,
  searchBy: SearchBy = "index",
): Statement {
  const offset = (query.page - 1) * query.pageSize;
  return toStatement(sql`SELECT "scene"."id", ${raw(`"scene"."${orderColumn(query.sort)}"`)} AS "key"
    FROM "scene" WHERE ${sceneListWhere(query, searchBy)}
    ORDER BY ${orderBy[query.sort]} LIMIT ${limit} OFFSET ${offset}`);
}

/** The ids of every scene the list's filters match, in id order (an analysis plan's scope). */
export function matchingSceneIdsStatement(
  filter: Omit<ListScenesInput, "sort" | "page" | "pageSize" | "after">,
): Statement {
  return toStatement(
    sql`SELECT "scene"."id" FROM "scene" WHERE ${sceneListWhere(filter)} ORDER BY "scene"."id"`,
  );
}
