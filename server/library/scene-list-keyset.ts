import { sql, SqlFragment, toStatement, type Statement } from "../db/sql-dialect";
import type { SceneListCursor } from "./scene-list-cursor";
import { sceneListWhere, type SceneListQuery, type SearchBy } from "./scene-list-query";
import { orders } from "./scene-list-orders";

const raw = (text: string) => new SqlFragment([text], []);

/**
 * The statements that read the page after `cursor`, in turn, until a page is full: one range
 * of the order's index each (scenes with a value, then those without), so a page costs the
 * same however deep it is. A single condition with an OR for the scenes without a value would
 * not be a range, and the index would be read from its start.
 */
export function scenePageAfterStatements(
  query: SceneListQuery,
  cursor: SceneListCursor,
  limit: number,
  searchBy: SearchBy = "index",
): Statement[] {
  const { column, descending, nullsFirst } = orders[query.sort];
  const c = raw(`"scene"."${column}"`);
  const dir = descending ? "DESC" : "ASC";
  const cmp = raw(descending ? "<" : ">");
  // Where the index keeps scenes without a value (first, on both databases): these rows all
  // have one, but PostgreSQL reads the index in order only for an ORDER BY that says the same.
  const nulls = nullsFirst === null ? "" : descending ? " NULLS LAST" : " NULLS FIRST";
  const withValue = (condition: SqlFragment) => ({
    condition,
    order: raw(`"scene"."${column}" ${dir}${nulls}, "scene"."id" ${dir}`),
  });
  const withoutValue = (condition: SqlFragment) => ({
    condition,
    order: raw(`"scene"."id" ${dir}`),
  });
  const segments =
    cursor.key === null
      ? [
          withoutValue(sql`${c} IS NULL AND "scene"."id" ${cmp} ${cursor.id}`),
          ...(nullsFirst ? [withValue(sql`${c} IS NOT NULL`)] : []),
        ]
      : [
          withValue(sql`(${c}, "scene"."id") ${cmp} (${cursor.key}, ${cursor.id})`),
          ...(nullsFirst === false ? [withoutValue(sql`${c} IS NULL`)] : []),
        ];
  return segments.map(({ condition, order }) =>
    toStatement(sql`SELECT "scene"."id", ${c} AS "key" FROM "scene"
      WHERE ${sceneListWhere(query, searchBy)} AND ${condition} ORDER BY ${order} LIMIT ${limit}`),
  );
}
