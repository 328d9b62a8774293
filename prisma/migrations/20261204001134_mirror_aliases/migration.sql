-- Stash's alias lists, mirrored for the analysis plans (added in place: no table copy).
ALTER TABLE "performer" ADD COLUMN "aliases" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "studio" ADD COLUMN "aliases" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "tag" ADD COLUMN "aliases" TEXT NOT NULL DEFAULT '[]';
