-- The search index holds each scene's title and file paths only. The names of its studio,
-- performers and tags are matched in their own small tables at query time
-- (server/db/text-search.ts): they were two thirds of the indexed text, so most of the
-- index's write cost to a sync, and a rename rewrote every row of the renamed entity's scenes.
DROP TRIGGER "scene_search_performer_renamed";
DROP TRIGGER "scene_search_tag_renamed";
DROP TRIGGER "scene_search_studio_renamed";
DROP TABLE "scene_search";

CREATE VIRTUAL TABLE "scene_search" USING fts5(
    "text", content = '', contentless_delete = 1, tokenize = 'trigram'
);
-- A sync commits a segment per page: merging 16 of a level at a time, not 4, rewrites each
-- row about half as often, and reads stay as fast (measured in docs/decisions.md).
INSERT INTO "scene_search" ("scene_search", "rank") VALUES ('automerge', 16);

INSERT INTO "scene_search" ("rowid", "text")
SELECT CAST(s."id" AS INTEGER), concat_ws(char(10), s."title",
    (SELECT group_concat(f."path", char(10)) FROM "scene_file" AS f WHERE f."scene_id" = s."id"))
FROM "scene" AS s;
