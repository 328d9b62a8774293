-- The names of studios, performers and tags in one table with pg_trgm's GIN index, which a
-- search reads for the names that hold its text (server/db/text-search.ts); the names' scenes
-- come from the link tables' indexes. A table of its own because Prisma's drift check would
-- report an index it does not know on the tables it manages. Triggers keep it current: the
-- sync upserts these rows, and a rename is one row.
CREATE TABLE "name_search" (
    "kind" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    PRIMARY KEY ("kind", "id")
);

INSERT INTO "name_search" ("kind", "id", "name")
    SELECT 'studio', "id", "name" FROM "studio"
    UNION ALL SELECT 'performer', "id", "name" FROM "performer"
    UNION ALL SELECT 'tag', "id", "name" FROM "tag";

CREATE INDEX "name_search_name_idx" ON "name_search" USING gin ("name" gin_trgm_ops);

CREATE FUNCTION "name_search_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM "name_search" WHERE "kind" = TG_TABLE_NAME AND "id" = OLD."id";
    ELSIF TG_OP = 'INSERT' OR OLD."name" IS DISTINCT FROM NEW."name" THEN
        INSERT INTO "name_search" ("kind", "id", "name") VALUES (TG_TABLE_NAME, NEW."id", NEW."name")
        ON CONFLICT ("kind", "id") DO UPDATE SET "name" = excluded."name";
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "studio_name_search" AFTER INSERT OR DELETE OR UPDATE OF "name" ON "studio"
FOR EACH ROW EXECUTE FUNCTION "name_search_sync"();
CREATE TRIGGER "performer_name_search" AFTER INSERT OR DELETE OR UPDATE OF "name" ON "performer"
FOR EACH ROW EXECUTE FUNCTION "name_search_sync"();
CREATE TRIGGER "tag_name_search" AFTER INSERT OR DELETE OR UPDATE OF "name" ON "tag"
FOR EACH ROW EXECUTE FUNCTION "name_search_sync"();
