-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_scene" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT,
    "code" TEXT,
    "details" TEXT,
    "director" TEXT,
    "urls" TEXT NOT NULL DEFAULT '[]',
    "date" TEXT,
    "rating100" INTEGER,
    "organized" BOOLEAN NOT NULL DEFAULT false,
    "o_counter" INTEGER NOT NULL DEFAULT 0,
    "stash_created_at" TEXT NOT NULL,
    "stash_updated_at" TEXT NOT NULL,
    "studio_id" TEXT,
    "content_hash" TEXT NOT NULL,
    "first_seen_at" DATETIME NOT NULL,
    "last_synced_at" DATETIME NOT NULL,
    "removed_at" DATETIME,
    "last_sync_failed" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "scene_studio_id_fkey" FOREIGN KEY ("studio_id") REFERENCES "studio" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_scene" ("code", "content_hash", "date", "details", "director", "first_seen_at", "id", "last_synced_at", "o_counter", "organized", "rating100", "removed_at", "stash_created_at", "stash_updated_at", "studio_id", "title", "urls") SELECT "code", "content_hash", "date", "details", "director", "first_seen_at", "id", "last_synced_at", "o_counter", "organized", "rating100", "removed_at", "stash_created_at", "stash_updated_at", "studio_id", "title", "urls" FROM "scene";
DROP TABLE "scene";
ALTER TABLE "new_scene" RENAME TO "scene";
CREATE INDEX "scene_stash_updated_at_idx" ON "scene"("stash_updated_at");
CREATE INDEX "scene_title_idx" ON "scene"("title");
CREATE INDEX "scene_studio_id_idx" ON "scene"("studio_id");
CREATE INDEX "scene_last_sync_failed_idx" ON "scene"("last_sync_failed");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill: scenes whose newest own sync_log row is `failed`, as the scene list used to work it
-- out from sync_log on every request.
UPDATE "scene" SET "last_sync_failed" = true WHERE "id" IN (
    SELECT f."entity_id" FROM "sync_log" AS f
    WHERE f."change_type" = 'failed' AND f."entity_type" = 'scene' AND f."entity_id" IS NOT NULL
      AND NOT EXISTS (
        SELECT 1 FROM "sync_log" AS s
        WHERE s."entity_type" = 'scene' AND s."entity_id" = f."entity_id"
          AND (s."created_at", s."id") > (f."created_at", f."id")
          AND (s."change_type" IS NULL OR s."change_type" <> 'failed')
      )
);
