-- The scene list's orders place scenes without a title or date as SQLite does: first in A–Z,
-- last newest-first (server/library/scene-list-orders.ts). PostgreSQL's default index order
-- puts NULLs last, which none of those orders could read in order: every page, the first one
-- too, sorted the whole library. These indexes hold NULLs first, as SQLite's do. Prisma's
-- schema cannot say NULLS FIRST and its drift check does not compare it; the deferred-index
-- rebuild keeps it (it saves each index's own definition).
DROP INDEX "scene_title_id_removed_at_idx";
CREATE INDEX "scene_title_id_removed_at_idx" ON "scene"("title" NULLS FIRST, "id", "removed_at");

DROP INDEX "scene_date_id_removed_at_idx";
CREATE INDEX "scene_date_id_removed_at_idx" ON "scene"("date" NULLS FIRST, "id", "removed_at");

DROP INDEX "scene_organized_title_id_removed_at_idx";
CREATE INDEX "scene_organized_title_id_removed_at_idx" ON "scene"("organized", "title" NULLS FIRST, "id", "removed_at");

DROP INDEX "scene_last_sync_failed_title_id_removed_at_idx";
CREATE INDEX "scene_last_sync_failed_title_id_removed_at_idx" ON "scene"("last_sync_failed", "title" NULLS FIRST, "id", "removed_at");
