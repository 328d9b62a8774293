-- AlterTable
ALTER TABLE "sync_log" ADD COLUMN "restore_id" INTEGER;

-- CreateTable
CREATE TABLE "scene_restore" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scene_id" TEXT NOT NULL,
    "restored_log_id" INTEGER NOT NULL,
    "restored_job_id" TEXT NOT NULL,
    "fields" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "requested_at" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "scene_restore_scene_id_requested_at_idx" ON "scene_restore"("scene_id", "requested_at");
