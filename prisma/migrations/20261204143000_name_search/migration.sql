-- The names of studios, performers and tags in trigram indexes of their own, one per table,
-- which a search reads for the names that hold its text (server/db/text-search.ts); the
-- names' scenes come from the link tables' indexes. Contentless and keyed by the Stash id as
-- an integer, as scene_search is (an external-content table would need a rowid that VACUUM
-- never changes). Triggers keep them current: the sync upserts these rows, and a rename is
-- one entry.

CREATE VIRTUAL TABLE "studio_name_search" USING fts5(
    "name", content = '', contentless_delete = 1, tokenize = 'trigram'
);
INSERT INTO "studio_name_search" ("rowid", "name") SELECT CAST("id" AS INTEGER), "name" FROM "studio";
CREATE TRIGGER "studio_name_search_insert" AFTER INSERT ON "studio" BEGIN
    INSERT INTO "studio_name_search" ("rowid", "name") VALUES (CAST(NEW."id" AS INTEGER), NEW."name");
END;
CREATE TRIGGER "studio_name_search_rename" AFTER UPDATE OF "name" ON "studio"
WHEN OLD."name" IS NOT NEW."name" BEGIN
    DELETE FROM "studio_name_search" WHERE "rowid" = CAST(OLD."id" AS INTEGER);
    INSERT INTO "studio_name_search" ("rowid", "name") VALUES (CAST(NEW."id" AS INTEGER), NEW."name");
END;
CREATE TRIGGER "studio_name_search_delete" AFTER DELETE ON "studio" BEGIN
    DELETE FROM "studio_name_search" WHERE "rowid" = CAST(OLD."id" AS INTEGER);
END;

CREATE VIRTUAL TABLE "performer_name_search" USING fts5(
    "name", content = '', contentless_delete = 1, tokenize = 'trigram'
);
INSERT INTO "performer_name_search" ("rowid", "name") SELECT CAST("id" AS INTEGER), "name" FROM "performer";
CREATE TRIGGER "performer_name_search_insert" AFTER INSERT ON "performer" BEGIN
    INSERT INTO "performer_name_search" ("rowid", "name") VALUES (CAST(NEW."id" AS INTEGER), NEW."name");
END;
CREATE TRIGGER "performer_name_search_rename" AFTER UPDATE OF "name" ON "performer"
WHEN OLD."name" IS NOT NEW."name" BEGIN
    DELETE FROM "performer_name_search" WHERE "rowid" = CAST(OLD."id" AS INTEGER);
    INSERT INTO "performer_name_search" ("rowid", "name") VALUES (CAST(NEW."id" AS INTEGER), NEW."name");
END;
CREATE TRIGGER "performer_name_search_delete" AFTER DELETE ON "performer" BEGIN
    DELETE FROM "performer_name_search" WHERE "rowid" = CAST(OLD."id" AS INTEGER);
END;

CREATE VIRTUAL TABLE "tag_name_search" USING fts5(
    "name", content = '', contentless_delete = 1, tokenize = 'trigram'
);
INSERT INTO "tag_name_search" ("rowid", "name") SELECT CAST("id" AS INTEGER), "name" FROM "tag";
CREATE TRIGGER "tag_name_search_insert" AFTER INSERT ON "tag" BEGIN
    INSERT INTO "tag_name_search" ("rowid", "name") VALUES (CAST(NEW."id" AS INTEGER), NEW."name");
END;
CREATE TRIGGER "tag_name_search_rename" AFTER UPDATE OF "name" ON "tag"
WHEN OLD."name" IS NOT NEW."name" BEGIN
    DELETE FROM "tag_name_search" WHERE "rowid" = CAST(OLD."id" AS INTEGER);
    INSERT INTO "tag_name_search" ("rowid", "name") VALUES (CAST(NEW."id" AS INTEGER), NEW."name");
END;
CREATE TRIGGER "tag_name_search_delete" AFTER DELETE ON "tag" BEGIN
    DELETE FROM "tag_name_search" WHERE "rowid" = CAST(OLD."id" AS INTEGER);
END;
