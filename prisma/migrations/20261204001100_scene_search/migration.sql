-- Substring search over each scene's title, file paths and the names of its studio, performers
-- and tags: an FTS5 trigram index, keyed by the scene's Stash id as an integer (Stash's ids
-- are int64), one line per title, path and name in one column. Contentless: the text stays in
-- the tables it comes from. The sync writes a scene's row with the page that writes the scene
-- (server/sync/write/scene-search-rows.ts); renames of a performer, tag or studio rewrite the rows of their scenes here.
-- Not expressible in schema.prisma: the drift check lists these objects as external
-- (server/db/raw-sql-objects.ts).
CREATE VIRTUAL TABLE "scene_search" USING fts5(
    "text", content = '', contentless_delete = 1, tokenize = 'trigram'
);

INSERT INTO "scene_search" ("rowid", "text")
SELECT CAST(s."id" AS INTEGER), concat_ws(char(10), s."title",
    (SELECT group_concat(f."path", char(10)) FROM "scene_file" AS f WHERE f."scene_id" = s."id"),
    (SELECT st."name" FROM "studio" AS st WHERE st."id" = s."studio_id"),
    (SELECT group_concat(p."name", char(10)) FROM "scene_performer" AS sp
        JOIN "performer" AS p ON p."id" = sp."performer_id" WHERE sp."scene_id" = s."id"),
    (SELECT group_concat(t."name", char(10)) FROM "scene_tag" AS stg
        JOIN "tag" AS t ON t."id" = stg."tag_id" WHERE stg."scene_id" = s."id"))
FROM "scene" AS s;

CREATE TRIGGER "scene_search_performer_renamed" AFTER UPDATE OF "name" ON "performer"
WHEN old."name" IS NOT new."name"
BEGIN
    DELETE FROM "scene_search" WHERE "rowid" IN (
        SELECT CAST("scene_id" AS INTEGER) FROM "scene_performer" WHERE "performer_id" = new."id");
    INSERT INTO "scene_search" ("rowid", "text")
    SELECT CAST(s."id" AS INTEGER), concat_ws(char(10), s."title",
        (SELECT group_concat(f."path", char(10)) FROM "scene_file" AS f WHERE f."scene_id" = s."id"),
        (SELECT st."name" FROM "studio" AS st WHERE st."id" = s."studio_id"),
        (SELECT group_concat(p."name", char(10)) FROM "scene_performer" AS sp
            JOIN "performer" AS p ON p."id" = sp."performer_id" WHERE sp."scene_id" = s."id"),
        (SELECT group_concat(t."name", char(10)) FROM "scene_tag" AS stg
            JOIN "tag" AS t ON t."id" = stg."tag_id" WHERE stg."scene_id" = s."id"))
    FROM "scene" AS s
    WHERE s."id" IN (SELECT "scene_id" FROM "scene_performer" WHERE "performer_id" = new."id");
END;

CREATE TRIGGER "scene_search_tag_renamed" AFTER UPDATE OF "name" ON "tag"
WHEN old."name" IS NOT new."name"
BEGIN
    DELETE FROM "scene_search" WHERE "rowid" IN (
        SELECT CAST("scene_id" AS INTEGER) FROM "scene_tag" WHERE "tag_id" = new."id");
    INSERT INTO "scene_search" ("rowid", "text")
    SELECT CAST(s."id" AS INTEGER), concat_ws(char(10), s."title",
        (SELECT group_concat(f."path", char(10)) FROM "scene_file" AS f WHERE f."scene_id" = s."id"),
        (SELECT st."name" FROM "studio" AS st WHERE st."id" = s."studio_id"),
        (SELECT group_concat(p."name", char(10)) FROM "scene_performer" AS sp
            JOIN "performer" AS p ON p."id" = sp."performer_id" WHERE sp."scene_id" = s."id"),
        (SELECT group_concat(t."name", char(10)) FROM "scene_tag" AS stg
            JOIN "tag" AS t ON t."id" = stg."tag_id" WHERE stg."scene_id" = s."id"))
    FROM "scene" AS s
    WHERE s."id" IN (SELECT "scene_id" FROM "scene_tag" WHERE "tag_id" = new."id");
END;

CREATE TRIGGER "scene_search_studio_renamed" AFTER UPDATE OF "name" ON "studio"
WHEN old."name" IS NOT new."name"
BEGIN
    DELETE FROM "scene_search" WHERE "rowid" IN (
        SELECT CAST("id" AS INTEGER) FROM "scene" WHERE "studio_id" = new."id");
    INSERT INTO "scene_search" ("rowid", "text")
    SELECT CAST(s."id" AS INTEGER), concat_ws(char(10), s."title",
        (SELECT group_concat(f."path", char(10)) FROM "scene_file" AS f WHERE f."scene_id" = s."id"),
        (SELECT st."name" FROM "studio" AS st WHERE st."id" = s."studio_id"),
        (SELECT group_concat(p."name", char(10)) FROM "scene_performer" AS sp
            JOIN "performer" AS p ON p."id" = sp."performer_id" WHERE sp."scene_id" = s."id"),
        (SELECT group_concat(t."name", char(10)) FROM "scene_tag" AS stg
            JOIN "tag" AS t ON t."id" = stg."tag_id" WHERE stg."scene_id" = s."id"))
    FROM "scene" AS s
    WHERE s."studio_id" = new."id";
END;
