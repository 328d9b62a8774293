-- CreateTable
CREATE TABLE "scene" (
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
    CONSTRAINT "scene_studio_id_fkey" FOREIGN KEY ("studio_id") REFERENCES "studio" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "scene_file" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scene_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "path" TEXT NOT NULL,
    "basename" TEXT NOT NULL,
    "size" BIGINT NOT NULL DEFAULT 0,
    "duration" REAL NOT NULL DEFAULT 0,
    "width" INTEGER NOT NULL DEFAULT 0,
    "height" INTEGER NOT NULL DEFAULT 0,
    "video_codec" TEXT NOT NULL DEFAULT '',
    "audio_codec" TEXT NOT NULL DEFAULT '',
    "frame_rate" REAL NOT NULL DEFAULT 0,
    "bit_rate" INTEGER NOT NULL DEFAULT 0,
    "fingerprints" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "scene_file_scene_id_fkey" FOREIGN KEY ("scene_id") REFERENCES "scene" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "performer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "disambiguation" TEXT,
    "gender" TEXT,
    "favorite" BOOLEAN NOT NULL DEFAULT false,
    "stash_created_at" TEXT NOT NULL,
    "stash_updated_at" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "first_seen_at" DATETIME NOT NULL,
    "last_synced_at" DATETIME NOT NULL,
    "removed_at" DATETIME
);

-- CreateTable
CREATE TABLE "tag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "stash_created_at" TEXT NOT NULL,
    "stash_updated_at" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "first_seen_at" DATETIME NOT NULL,
    "last_synced_at" DATETIME NOT NULL,
    "removed_at" DATETIME
);

-- CreateTable
CREATE TABLE "studio" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "url" TEXT,
    "parent_id" TEXT,
    "stash_created_at" TEXT NOT NULL,
    "stash_updated_at" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "first_seen_at" DATETIME NOT NULL,
    "last_synced_at" DATETIME NOT NULL,
    "removed_at" DATETIME
);

-- CreateTable
CREATE TABLE "scene_performer" (
    "scene_id" TEXT NOT NULL,
    "performer_id" TEXT NOT NULL,

    PRIMARY KEY ("scene_id", "performer_id"),
    CONSTRAINT "scene_performer_scene_id_fkey" FOREIGN KEY ("scene_id") REFERENCES "scene" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "scene_performer_performer_id_fkey" FOREIGN KEY ("performer_id") REFERENCES "performer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "scene_tag" (
    "scene_id" TEXT NOT NULL,
    "tag_id" TEXT NOT NULL,

    PRIMARY KEY ("scene_id", "tag_id"),
    CONSTRAINT "scene_tag_scene_id_fkey" FOREIGN KEY ("scene_id") REFERENCES "scene" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "scene_tag_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "sync_history" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "job_id" TEXT NOT NULL,
    "sync_type" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "started_at" DATETIME NOT NULL,
    "completed_at" DATETIME,
    "items_synced" INTEGER NOT NULL DEFAULT 0,
    "items_created" INTEGER NOT NULL DEFAULT 0,
    "items_updated" INTEGER NOT NULL DEFAULT 0,
    "items_skipped" INTEGER NOT NULL DEFAULT 0,
    "items_failed" INTEGER NOT NULL DEFAULT 0,
    "error_message" TEXT,
    "watermark_from" TEXT,
    "watermark_to" TEXT,
    "requested_ids" TEXT,
    "phase" TEXT,
    "progress_done" INTEGER NOT NULL DEFAULT 0,
    "progress_total" INTEGER NOT NULL DEFAULT 0,
    "heartbeat_at" DATETIME
);

-- CreateTable
CREATE TABLE "sync_log" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sync_history_id" INTEGER NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "sync_type" TEXT NOT NULL,
    "had_changes" BOOLEAN NOT NULL DEFAULT false,
    "change_type" TEXT,
    "error_message" TEXT,
    "changed_fields" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sync_log_sync_history_id_fkey" FOREIGN KEY ("sync_history_id") REFERENCES "sync_history" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "analysis_plan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "analysis_result" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "plan_id" INTEGER NOT NULL,
    "scene_id" TEXT NOT NULL,
    "proposed_changes" TEXT NOT NULL DEFAULT '[]',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "analysis_result_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "analysis_plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "analysis_result_scene_id_fkey" FOREIGN KEY ("scene_id") REFERENCES "scene" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "sync_lock" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "job_id" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "acquired_at" DATETIME NOT NULL,
    "heartbeat_at" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "scene_stash_updated_at_idx" ON "scene"("stash_updated_at");

-- CreateIndex
CREATE INDEX "scene_title_idx" ON "scene"("title");

-- CreateIndex
CREATE INDEX "scene_studio_id_idx" ON "scene"("studio_id");

-- CreateIndex
CREATE INDEX "scene_file_scene_id_idx" ON "scene_file"("scene_id");

-- CreateIndex
CREATE INDEX "scene_file_path_idx" ON "scene_file"("path");

-- CreateIndex
CREATE INDEX "performer_name_idx" ON "performer"("name");

-- CreateIndex
CREATE INDEX "tag_name_idx" ON "tag"("name");

-- CreateIndex
CREATE INDEX "studio_name_idx" ON "studio"("name");

-- CreateIndex
CREATE INDEX "scene_performer_performer_id_idx" ON "scene_performer"("performer_id");

-- CreateIndex
CREATE INDEX "scene_tag_tag_id_idx" ON "scene_tag"("tag_id");

-- CreateIndex
CREATE UNIQUE INDEX "sync_history_job_id_key" ON "sync_history"("job_id");

-- CreateIndex
CREATE INDEX "sync_history_started_at_idx" ON "sync_history"("started_at");

-- CreateIndex
CREATE INDEX "sync_history_sync_type_status_started_at_idx" ON "sync_history"("sync_type", "status", "started_at");

-- CreateIndex
CREATE INDEX "sync_log_entity_type_entity_id_created_at_id_idx" ON "sync_log"("entity_type", "entity_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "sync_log_sync_history_id_change_type_id_idx" ON "sync_log"("sync_history_id", "change_type", "id");

-- CreateIndex
CREATE INDEX "sync_log_change_type_created_at_idx" ON "sync_log"("change_type", "created_at");

-- CreateIndex
CREATE INDEX "analysis_result_scene_id_created_at_idx" ON "analysis_result"("scene_id", "created_at");
