import { env } from "../env";
import { providerOf } from "./provider";
import {
  insertRows,
  postgresqlDialect,
  sql,
  SqlFragment,
  sqliteDialect,
  whereIn,
  type Statement,
} from "./sql-dialect";

/** A scene's text as the search index holds it: its title and file paths. */
export interface SceneSearchRow {
  sceneId: string;
  /** The scene had a row before this write (so may have an index entry to replace). */
  stored: boolean;
  title: string | null;
  /** Every file path of the scene, one per line. */
  paths: string | null;
}

/**
 * The scene search index, the one place that knows how the database indexes text. SQLite's is
 * an FTS5 table with the trigram tokenizer; PostgreSQL's a table of one text per scene with
 * pg_trgm's GIN index (each provider's migration `scene_search`). Both hold each scene's title
 * and paths. Names of studios, performers and tags have trigram indexes of their own (one row
 * a name, thousands, not one a scene: migrations `name_search`), and reach their scenes through
 * the links' indexes. Names were two thirds of the scenes' indexed text and of its cost to a
 * sync, and a rename rewrote the rows of all the renamed entity's scenes (migrations
 * `scene_search_titles_and_paths`).
 */
export interface TextSearchIndex {
  /**
   * A subquery of the ids (text) of scenes whose title, a file path, or the name of their
   * studio, a performer or a tag holds `text` literally (an id may come twice: it is a list
   * for IN). Any text, even one character: what an index cannot find is read from the tables,
   * once for the whole search.
   */
  sceneIdsContaining(text: string): SqlFragment;
  /**
   * A one-row query { matched, sampled, linked }, read cheaply however common the text: of
   * `sampled` indexed scenes (the first by key), `matched` hold `text` in their title or paths;
   * `sampled` is null when the sample reached every match, so `matched` is the exact number.
   * `linked` counts the scenes' links to a studio, performer or tag whose name holds it, up to
   * NAME_LINKS_COUNTED.
   */
  sampleMatches(text: string): SqlFragment;
  /** Writes (replaces) the index rows of these scenes, in the caller's transaction. */
  writeRows(rows: SceneSearchRow[]): Statement[];
  /**
   * SQL that builds every scene's row from the stored scenes, as the migration `scene_search`
   * does (db:copy runs it on its target, whose scenes arrive without their index rows).
   */
  rebuildSql: string[];
}

// The index is keyed by the scene's Stash id as an integer: Stash's ids are int64.
const sceneKey = (id: string) => BigInt(id);

/** An FTS5 string: the whole text as one phrase, so every character is matched literally. */
const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * A scene's text as one value, one line per title and path: one column costs less to index
 * than one per kind (docs/decisions.md), and no search text holds a line break.
 */
const indexedText = (row: SceneSearchRow) =>
  [row.title, row.paths].filter((text) => text !== null).join("\n");

/** How many name links the sample counts: enough to judge a name common, cheap to count. */
export const NAME_LINKS_COUNTED = 50_000;

/** Matches the SQLite sample reads: enough for a share, few enough to cost well under a millisecond. */
const SQLITE_SAMPLE_MATCHES = 100;
/** Scenes the PostgreSQL sample tests, and SQLite's for text too short for its index. */
const SAMPLE_SCENES = 2_000;
/** FTS5's trigram tokenizer finds no text shorter than one trigram. */
const TRIGRAM = 3;
const shorterThanTrigram = (text: string) => [...text].length < TRIGRAM;

type NameTable = "studio" | "performer" | "tag";
const nameTables: NameTable[] = ["studio", "performer", "tag"];

/**
 * The scenes of the names that hold a text, given how a provider finds those names (`named`:
 * a subquery of the ids, as text, of a table's rows whose name holds the text).
 */
function nameMatches(named: (table: NameTable, text: string) => SqlFragment) {
  return {
    /** UNION arms of the ids of scenes linked to a name that holds `text`. */
    scenes: (text: string) =>
      sql`SELECT "scene_id" FROM "scene_performer" WHERE "performer_id" IN (${named("performer", text)})
        UNION SELECT "scene_id" FROM "scene_tag" WHERE "tag_id" IN (${named("tag", text)})
        UNION SELECT "id" FROM "scene" WHERE "studio_id" IN (${named("studio", text)})`,
    /** A scalar subquery: those links, counted on the links' indexes up to a cap. */
    linkCount: (text: string) =>
      sql`(SELECT COUNT(*) FROM (
          SELECT 1 FROM "scene_performer" WHERE "performer_id" IN (${named("performer", text)})
          UNION ALL SELECT 1 FROM "scene_tag" WHERE "tag_id" IN (${named("tag", text)})
          UNION ALL SELECT 1 FROM "scene" WHERE "studio_id" IN (${named("studio", text)})
          LIMIT ${NAME_LINKS_COUNTED}) AS "links")`,
  };
}

/**
 * SQLite's names: each table's FTS5 trigram index (migration `name_search`), keyed by the id as
 * an integer; text shorter than a trigram is matched in the table itself.
 */
const sqliteNames = nameMatches((table, text) => {
  if (shorterThanTrigram(text))
    return new SqlFragment(
      [`SELECT "id" FROM "${table}" WHERE `, ""],
      [sqliteDialect.containsText(`"name"`, text)],
    );
  const index = `"${table}_name_search"`;
  return new SqlFragment(
    [`SELECT CAST("rowid" AS TEXT) FROM ${index} WHERE ${index} MATCH `, ""],
    [ftsPhrase(text)],
  );
});

/**
 * Text shorter than a trigram, in SQLite's tables (the index holds no text): the scenes whose
 * title or a file path holds it, and a sample of the first scenes stored, as sampleMatches.
 * Reading every title and path once costs ~0.16 s at 500,000 scenes, where testing each
 * scene's title, files and links in turn took 23 s for text no scene holds.
 */
const sqliteShortText = {
  // UNION ALL: an IN list drops repeats itself, and UNION would read titles and paths in id
  // order, each row from its table, to merge them (twice the time).
  sceneIds: (text: string) =>
    sql`SELECT "id" FROM "scene" WHERE ${sqliteDialect.containsText(`"title"`, text)}
      UNION ALL SELECT "scene_id" FROM "scene_file" WHERE ${sqliteDialect.containsText(`"path"`, text)}
      UNION ALL SELECT "scene_id" FROM (${sqliteNames.scenes(text)})`,
  sample: (text: string) =>
    sql`SELECT COALESCE(SUM(CASE WHEN ${sqliteDialect.containsText(`"s"."title"`, text)}
          OR EXISTS (SELECT 1 FROM "scene_file" AS "f" WHERE "f"."scene_id" = "s"."id"
            AND ${sqliteDialect.containsText(`"f"."path"`, text)}) THEN 1 ELSE 0 END), 0) AS "matched",
        CASE WHEN COUNT(*) < ${SAMPLE_SCENES} THEN NULL ELSE COUNT(*) END AS "sampled",
        ${sqliteNames.linkCount(text)} AS "linked"
      FROM (SELECT "id", "title" FROM "scene" ORDER BY "rowid" LIMIT ${SAMPLE_SCENES}) AS "s"`,
};

export const sqliteTextSearch: TextSearchIndex = {
  rebuildSql: [
    ...nameTables.flatMap((table) => [
      `INSERT INTO "${table}_name_search" ("${table}_name_search") VALUES ('delete-all')`,
      `INSERT INTO "${table}_name_search" ("rowid", "name") SELECT CAST("id" AS INTEGER), "name" FROM "${table}"`,
    ]),
    `INSERT INTO "scene_search" ("scene_search") VALUES ('delete-all')`,
    `INSERT INTO "scene_search" ("rowid", "text")
     SELECT CAST(s."id" AS INTEGER), concat_ws(char(10), s."title",
       (SELECT group_concat(f."path", char(10)) FROM "scene_file" AS f WHERE f."scene_id" = s."id"))
     FROM "scene" AS s`,
  ],
  sceneIdsContaining: (text) =>
    shorterThanTrigram(text)
      ? sqliteShortText.sceneIds(text)
      : sql`SELECT CAST("rowid" AS TEXT) FROM "scene_search" WHERE "scene_search" MATCH ${ftsPhrase(text)}
      UNION ${sqliteNames.scenes(text)}`,
  // FTS5 reads matches in rowid order and stops at the LIMIT, so the first matches cost little
  // even when every row holds the text; the rows up to the last of them are a rowid range.
  sampleMatches: (text) =>
    shorterThanTrigram(text)
      ? sqliteShortText.sample(text)
      : sql`WITH "sample_match" AS (SELECT "rowid" AS "r" FROM "scene_search"
        WHERE "scene_search" MATCH ${ftsPhrase(text)} LIMIT ${SQLITE_SAMPLE_MATCHES})
      SELECT (SELECT COUNT(*) FROM "sample_match") AS "matched",
        CASE WHEN (SELECT COUNT(*) FROM "sample_match") < ${SQLITE_SAMPLE_MATCHES} THEN NULL
          ELSE (SELECT COUNT(*) FROM "scene_search"
            WHERE "rowid" <= (SELECT MAX("r") FROM "sample_match")) END AS "sampled",
        ${sqliteNames.linkCount(text)} AS "linked"`,
  // A new scene has no entry to delete (no scene row is ever deleted); looking for one costs.
  writeRows: (rows) => [
    ...whereIn(
      'DELETE FROM "scene_search"',
      "rowid",
      rows.filter((r) => r.stored).map((r) => sceneKey(r.sceneId)),
    ),
    ...insertRows(
      "scene_search",
      ["rowid", "text"],
      rows.map((r) => [sceneKey(r.sceneId), indexedText(r)]),
    ),
  ],
};

/** PostgreSQL's names: one table of every name with pg_trgm's GIN index (migration `name_search`). */
const postgresqlNames = nameMatches(
  (table, text) =>
    new SqlFragment(
      [`SELECT "id" FROM "name_search" WHERE "kind" = '${table}' AND `, ""],
      [postgresqlDialect.containsText(`"name"`, text)],
    ),
);

// pg_trgm's index finds text of three characters or more; the planner reads shorter text from
// the table itself (~0.3 s at 500,000 scenes), one short text a scene.
export const postgresqlTextSearch: TextSearchIndex = {
  // scene_search_text() is the migration's own function of a scene's stored rows.
  rebuildSql: [
    `DELETE FROM "name_search"`,
    ...nameTables.map(
      (table) =>
        `INSERT INTO "name_search" ("kind", "id", "name") SELECT '${table}', "id", "name" FROM "${table}"`,
    ),
    `DELETE FROM "scene_search"`,
    `INSERT INTO "scene_search" ("scene_id", "text") SELECT "id", "scene_search_text"("id") FROM "scene"`,
  ],
  sceneIdsContaining: (text) =>
    sql`SELECT "scene_id" FROM "scene_search" WHERE ${postgresqlDialect.containsText(`"text"`, text)}
      UNION ${postgresqlNames.scenes(text)}`,
  sampleMatches: (text) =>
    sql`SELECT COUNT(*) FILTER (WHERE ${postgresqlDialect.containsText(`"text"`, text)})::int AS "matched",
        CASE WHEN COUNT(*) < ${SAMPLE_SCENES} THEN NULL ELSE COUNT(*)::int END AS "sampled",
        ${postgresqlNames.linkCount(text)}::int AS "linked"
      FROM (SELECT "text" FROM "scene_search" ORDER BY "scene_id" LIMIT ${SAMPLE_SCENES}) AS "s"`,
  // A new scene's row is inserted without the conflict check, which costs as much as the insert.
  writeRows: (rows) => {
    const values = (stored: boolean) =>
      rows.filter((r) => r.stored === stored).map((r) => [r.sceneId, indexedText(r)]);
    return [
      ...insertRows("scene_search", ["scene_id", "text"], values(false)),
      ...insertRows("scene_search", ["scene_id", "text"], values(true), {
        key: ["scene_id"],
        update: ["text"],
      }),
    ];
  },
};

let active: TextSearchIndex | undefined;
const current = () =>
  (active ??=
    providerOf(env().DATABASE_URL) === "postgresql" ? postgresqlTextSearch : sqliteTextSearch);

/** The configured database's search index, chosen on first use. */
export const textSearch: TextSearchIndex = {
  sceneIdsContaining: (text) => current().sceneIdsContaining(text),
  sampleMatches: (text) => current().sampleMatches(text),
  writeRows: (rows) => current().writeRows(rows),
  get rebuildSql() {
    return current().rebuildSql;
  },
};
