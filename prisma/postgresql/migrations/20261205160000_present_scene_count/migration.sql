-- How many scenes are still in Stash (removed_at IS NULL), kept by triggers, so the scene list
-- reads its total from one row: PostgreSQL counts rows one by one, ~50 ms at 500,000 scenes on
-- every list page, where SQLite counts a b-tree's pages. The triggers are per statement, with
-- transition tables: the sync writes scenes a page at a time, and a per-row trigger would
-- update this one row once per scene. Not in schema.prisma, nor copied by db:copy: the
-- triggers count what a copy inserts. One row, id 1 (no CHECK: Prisma's schema engine cannot
-- read one back, as its drift check must).
CREATE TABLE "present_scene_count" (
    "id" INTEGER PRIMARY KEY,
    "count" BIGINT NOT NULL
);

INSERT INTO "present_scene_count" ("id", "count")
    SELECT 1, COUNT(*) FROM "scene" WHERE "removed_at" IS NULL;

CREATE FUNCTION "present_scene_count_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    delta BIGINT := 0;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE "present_scene_count" SET "count" = 0;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        delta := delta + (SELECT COUNT(*) FROM "new_scenes" WHERE "removed_at" IS NULL);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        delta := delta - (SELECT COUNT(*) FROM "old_scenes" WHERE "removed_at" IS NULL);
    END IF;
    IF delta <> 0 THEN
        UPDATE "present_scene_count" SET "count" = "count" + delta;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "scene_present_count_insert" AFTER INSERT ON "scene"
REFERENCING NEW TABLE AS "new_scenes"
FOR EACH STATEMENT EXECUTE FUNCTION "present_scene_count_keep"();
CREATE TRIGGER "scene_present_count_update" AFTER UPDATE ON "scene"
REFERENCING OLD TABLE AS "old_scenes" NEW TABLE AS "new_scenes"
FOR EACH STATEMENT EXECUTE FUNCTION "present_scene_count_keep"();
CREATE TRIGGER "scene_present_count_delete" AFTER DELETE ON "scene"
REFERENCING OLD TABLE AS "old_scenes"
FOR EACH STATEMENT EXECUTE FUNCTION "present_scene_count_keep"();
CREATE TRIGGER "scene_present_count_truncate" AFTER TRUNCATE ON "scene"
FOR EACH STATEMENT EXECUTE FUNCTION "present_scene_count_keep"();
