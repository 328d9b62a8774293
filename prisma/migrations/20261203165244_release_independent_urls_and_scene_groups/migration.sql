-- Columns that do not depend on the Stash release: lists of URLs everywhere, groups for scenes.
-- Added in place rather than by redefining the tables, which would copy every scene row.
ALTER TABLE "scene" ADD COLUMN "groups" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "performer" ADD COLUMN "urls" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "studio" ADD COLUMN "urls" TEXT NOT NULL DEFAULT '[]';
UPDATE "studio" SET "urls" = json_array("url") WHERE "url" IS NOT NULL;
ALTER TABLE "studio" DROP COLUMN "url";
