import { dialect, sql, SqlFragment, toStatement, type Statement } from "../db/sql-dialect";
import type { ListScenesInput, SceneSort } from "./scene-list-schema";

type SceneListQuery = Required<Pick<ListScenesInput, "sort" | "page" | "pageSize">> &
  Omit<ListScenesInput, "sort" | "page" | "pageSize">;

const raw = (text: string) => new SqlFragment([text], []);

// The same orders the Prisma client would write; dates without a value go last.
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

/**
 * The scene list's filters as SQL rather than Prisma's `contains`, which on SQLite writes a
 * LIKE without an escape character: `%` and `_` typed in the search would match anything.
 */
function sceneListWhere(query: SceneListQuery): SqlFragment {
  const conditions = [sql`"scene"."removed_at" IS NULL`];
  if (query.studioId) conditions.push(sql`"scene"."studio_id" = ${query.studioId}`);
  if (query.organized !== undefined) conditions.push(sql`"scene"."organized" = ${query.organized}`);
  // An indexed column, not a list of ids: thousands of failing scenes stay one query.
  if (query.failing) conditions.push(sql`"scene"."last_sync_failed" = ${true}`);
  if (query.performerId) {
    conditions.push(sql`EXISTS (SELECT 1 FROM "scene_performer" AS "p"
      WHERE "p"."scene_id" = "scene"."id" AND "p"."performer_id" = ${query.performerId})`);
  }
  if (query.tagId) {
    conditions.push(sql`EXISTS (SELECT 1 FROM "scene_tag" AS "t"
      WHERE "t"."scene_id" = "scene"."id" AND "t"."tag_id" = ${query.tagId})`);
  }
  if (query.search) {
    const inTitle = dialect.containsText(`"scene"."title"`, query.search);
    const inPath = dialect.containsText(`"f"."path"`, query.search);
    conditions.push(sql`(${inTitle} OR EXISTS (SELECT 1 FROM "scene_file" AS "f"
      WHERE "f"."scene_id" = "scene"."id" AND ${inPath}))`);
  }
  return conditions.reduce((all, condition) => sql`${all} AND ${condition}`);
}

/** How many scenes match, for paging. */
export function countScenesStatement(query: SceneListQuery): Statement {
  return toStatement(sql`SELECT COUNT(*) FROM "scene" WHERE ${sceneListWhere(query)}`);
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
