-- DropIndex
DROP INDEX "scene_title_idx";

-- DropIndex
DROP INDEX "scene_stash_updated_at_idx";

-- CreateIndex
CREATE INDEX "scene_title_id_removed_at_idx" ON "scene"("title", "id", "removed_at");

-- CreateIndex
CREATE INDEX "scene_date_id_removed_at_idx" ON "scene"("date", "id", "removed_at");

-- CreateIndex
CREATE INDEX "scene_stash_updated_at_id_removed_at_idx" ON "scene"("stash_updated_at", "id", "removed_at");

-- CreateIndex
CREATE INDEX "scene_last_synced_at_id_removed_at_idx" ON "scene"("last_synced_at", "id", "removed_at");

-- CreateIndex
CREATE INDEX "scene_organized_title_id_removed_at_idx" ON "scene"("organized", "title", "id", "removed_at");

-- CreateIndex
CREATE INDEX "scene_removed_at_idx" ON "scene"("removed_at");
