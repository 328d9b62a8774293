import { SqlFragment } from "../db/sql-dialect";
import type { SceneSort } from "./scene-list-schema";

const raw = (text: string) => new SqlFragment([text], []);

// Titles without a value go first in A–Z, dates without a value last; written out because
// SQLite and PostgreSQL place NULLs differently by default. Each order has an
// index whose columns are the order's (schema.prisma), so a page reads only its own rows; the
// title and date indexes keep NULLs first on both databases, so on PostgreSQL date_asc's
// numbered pages (not its cursor pages) are sorted.
export const orderBy: Record<SceneSort, SqlFragment> = {
  title_asc: raw(`"title" ASC NULLS FIRST, "id" ASC`),
  title_desc: raw(`"title" DESC NULLS LAST, "id" DESC`),
  date_desc: raw(`"date" DESC NULLS LAST, "id" DESC`),
  date_asc: raw(`"date" ASC NULLS LAST, "id" ASC`),
  updated_desc: raw(`"stash_updated_at" DESC, "id" DESC`),
  // By the scene's own time: the scenes a sync wrote or checked alone since the newest full
  // sync first, then the others, which show that sync's time (full-sync-confirmation.ts) but
  // keep the order in which syncs last wrote them.
  synced_desc: raw(`"last_synced_at" DESC, "id" DESC`),
};

/** Each order as a column and where its scenes without a value go, for cursors. */
export const orders: Record<
  SceneSort,
  { column: string; descending: boolean; nullsFirst: boolean | null }
> = {
  title_asc: { column: "title", descending: false, nullsFirst: true },
  title_desc: { column: "title", descending: true, nullsFirst: false },
  date_desc: { column: "date", descending: true, nullsFirst: false },
  date_asc: { column: "date", descending: false, nullsFirst: false },
  // NOT NULL columns: no scenes without a value to read after the others.
  updated_desc: { column: "stash_updated_at", descending: true, nullsFirst: null },
  synced_desc: { column: "last_synced_at", descending: true, nullsFirst: null },
};

/** The column a cursor remembers for this order. */
export const orderColumn = (sort: SceneSort) => orders[sort].column;
