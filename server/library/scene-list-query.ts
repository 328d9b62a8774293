import { dialect, sql, SqlFragment, toStatement, type Statement } from "../db/sql-dialect";
import { textSearch } from "../db/text-search";
import type { ListScenesInput, SceneSort } from "./scene-list-schema";

export type SceneListQuery = Required<Pick<ListScenesInput, "sort" | "page" | "pageSize">> &
  Omit<ListScenesInput, "sort" | "page" | "pageSize">;

const raw = (text: string) => new SqlFragment([text], []);

// The same orders the Prisma client would write; dates without a value go last. Each has an
// index whose columns are the order's (schema.prisma), so a page reads only its own rows.
const orderBy: Record<SceneSort, SqlFragment> = {
  title_asc: raw(`"title" ASC, "id" ASC`),
  title_desc: raw(`"title" DESC, "id" DESC`),
  date_desc: raw(`"date" DESC NULLS LAST, "id" DESC`),
  date_asc: raw(`"date" ASC NULLS LAST, "id" ASC`),
  updated_desc: raw(`"stash_updated_at" DESC, "id" DESC`),
  // By the scene's own time: the scenes a sync wrote or checked alone since the newest full
  // sync first, then the others, which show that sync's time (full-sync-confirmation.ts) but
  // keep the order in which syncs last wrote them.
  synced_desc: raw(`"last_synced_at" DESC, "id" DESC`),
};

/** Text too short for the index: matched by scanning titles, paths and names. */
function scannedSearch(text: string): SqlFragment {
  const named = (link: string, table: string, key: string) =>
    sql`EXISTS (SELECT 1 FROM ${raw(`"${link}" AS "l" JOIN "${table}" AS "n" ON "n"."id" = "l"."${key}"`)}
      WHERE "l"."scene_id" = "scene"."id" AND ${dialect.containsText(`"n"."name"`, text)})`;
  return sql`(${dialect.containsText(`"scene"."title"`, text)}
    OR EXISTS (SELECT 1 FROM "scene_file" AS "f"
      WHERE "f"."scene_id" = "scene"."id" AND ${dialect.containsText(`"f"."path"`, text)})
    OR EXISTS (SELECT 1 FROM "studio" AS "s"
      WHERE "s"."id" = "scene"."studio_id" AND ${dialect.containsText(`"s"."name"`, text)})
    OR ${named("scene_performer", "performer", "performer_id")}
    OR ${named("scene_tag", "tag", "tag_id")})`;
}

/**
 * The scene list's filters. The search is literal: `%`, `_` and `"` are characters. Each
 * filter is answered from an index: the search index, or the index of its column.
 */
export function sceneListWhere(query: Omit<SceneListQuery, "sort" | "page" | "pageSize">) {
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
    conditions.push(
      [...query.search].length >= textSearch.minIndexedLength
        ? sql`"scene"."id" IN (${textSearch.sceneIdsContaining(query.search)})`
        : scannedSearch(query.search),
    );
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

/** The ids of one page of matching scenes, in the list's order. */
export function scenePageIdsStatement(query: SceneListQuery): Statement {
  const offset = (query.page - 1) * query.pageSize;
  return toStatement(sql`SELECT "scene"."id" FROM "scene" WHERE ${sceneListWhere(query)}
    ORDER BY ${orderBy[query.sort]} LIMIT ${query.pageSize} OFFSET ${offset}`);
}

/** The ids of every scene the list's filters match, in id order (an analysis plan's scope). */
export function matchingSceneIdsStatement(
  filter: Omit<ListScenesInput, "sort" | "page" | "pageSize">,
): Statement {
  return toStatement(
    sql`SELECT "scene"."id" FROM "scene" WHERE ${sceneListWhere({
      ...filter,
      sort: "title_asc",
      page: 1,
      pageSize: 1,
    })} ORDER BY "scene"."id"`,
  );
}
