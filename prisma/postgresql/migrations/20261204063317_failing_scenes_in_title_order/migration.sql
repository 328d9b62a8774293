-- DropIndex
DROP INDEX "scene_last_sync_failed_idx";

-- CreateIndex
CREATE INDEX "scene_last_sync_failed_title_id_removed_at_idx" ON "scene"("last_sync_failed", "title", "id", "removed_at");
