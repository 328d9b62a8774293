-- Substring search over each scene's title, file paths and the names of its studio, performers
-- and tags: one text per scene, indexed by pg_trgm's GIN trigram index, which answers
-- ILIKE '%…%' (server/db/text-search.ts). The sync writes a scene's row with the page that
-- writes the scene; renames of a performer, tag or studio rewrite the rows of their scenes here.
-- Not expressible in schema.prisma: the drift check lists these objects as external
-- (server/db/raw-sql-objects.ts).
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

CREATE TABLE "scene_search" (
    "scene_id" TEXT NOT NULL PRIMARY KEY,
    "text" TEXT NOT NULL
);

-- A scene's searchable text from its stored rows, one line per title, path and name.
CREATE FUNCTION "scene_search_text"("id" TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT concat_ws(E'\n', s."title",
        (SELECT string_agg(f."path", E'\n' ORDER BY f."position") FROM "scene_file" AS f
            WHERE f."scene_id" = s."id"),
        (SELECT st."name" FROM "studio" AS st WHERE st."id" = s."studio_id"),
        (SELECT string_agg(p."name", E'\n') FROM "scene_performer" AS sp
            JOIN "performer" AS p ON p."id" = sp."performer_id" WHERE sp."scene_id" = s."id"),
        (SELECT string_agg(t."name", E'\n') FROM "scene_tag" AS stg
            JOIN "tag" AS t ON t."id" = stg."tag_id" WHERE stg."scene_id" = s."id"))
    FROM "scene" AS s WHERE s."id" = $1
$$;

INSERT INTO "scene_search" ("scene_id", "text") SELECT "id", "scene_search_text"("id") FROM "scene";

CREATE INDEX "scene_search_text_idx" ON "scene_search" USING gin ("text" gin_trgm_ops);

CREATE FUNCTION "scene_search_performer_renamed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "scene_search" SET "text" = "scene_search_text"("scene_id")
    WHERE "scene_id" IN (SELECT "scene_id" FROM "scene_performer" WHERE "performer_id" = NEW."id");
    RETURN NULL;
END
$$;

CREATE TRIGGER "scene_search_performer_renamed" AFTER UPDATE OF "name" ON "performer"
FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
EXECUTE FUNCTION "scene_search_performer_renamed"();

CREATE FUNCTION "scene_search_tag_renamed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "scene_search" SET "text" = "scene_search_text"("scene_id")
    WHERE "scene_id" IN (SELECT "scene_id" FROM "scene_tag" WHERE "tag_id" = NEW."id");
    RETURN NULL;
END
$$;

CREATE TRIGGER "scene_search_tag_renamed" AFTER UPDATE OF "name" ON "tag"
FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
EXECUTE FUNCTION "scene_search_tag_renamed"();

CREATE FUNCTION "scene_search_studio_renamed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "scene_search" SET "text" = "scene_search_text"("scene_id")
    WHERE "scene_id" IN (SELECT "id" FROM "scene" WHERE "studio_id" = NEW."id");
    RETURN NULL;
END
$$;

CREATE TRIGGER "scene_search_studio_renamed" AFTER UPDATE OF "name" ON "studio"
FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
EXECUTE FUNCTION "scene_search_studio_renamed"();
