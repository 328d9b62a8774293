-- The search index holds each scene's title and file paths only, as on SQLite. The names of its
-- studio, performers and tags are matched in their own small tables at query time
-- (server/db/text-search.ts): they were most of the indexed text, so most of the GIN index's
-- write cost to a sync, and a rename rewrote every row of the renamed entity's scenes.
DROP TRIGGER "scene_search_performer_renamed" ON "performer";
DROP TRIGGER "scene_search_tag_renamed" ON "tag";
DROP TRIGGER "scene_search_studio_renamed" ON "studio";
DROP FUNCTION "scene_search_performer_renamed"();
DROP FUNCTION "scene_search_tag_renamed"();
DROP FUNCTION "scene_search_studio_renamed"();

-- A scene's searchable text from its stored rows, one line per title and path.
CREATE OR REPLACE FUNCTION "scene_search_text"("id" TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT concat_ws(E'\n', s."title",
        (SELECT string_agg(f."path", E'\n' ORDER BY f."position") FROM "scene_file" AS f
            WHERE f."scene_id" = s."id"))
    FROM "scene" AS s WHERE s."id" = $1
$$;

-- Refilled without its index, which is then built once.
DROP INDEX "scene_search_text_idx";
DELETE FROM "scene_search";
INSERT INTO "scene_search" ("scene_id", "text") SELECT "id", "scene_search_text"("id") FROM "scene";
CREATE INDEX "scene_search_text_idx" ON "scene_search" USING gin ("text" gin_trgm_ops);
