-- CreateTable
CREATE TABLE "scene" (
    "id" TEXT NOT NULL,
    "title" TEXT,
    "code" TEXT,
    "details" TEXT,
    "director" TEXT,
    "urls" TEXT NOT NULL DEFAULT '[]',
    "groups" TEXT NOT NULL DEFAULT '[]',
    "date" TEXT,
    "rating100" INTEGER,
    "organized" BOOLEAN NOT NULL DEFAULT false,
    "o_counter" INTEGER NOT NULL DEFAULT 0,
    "stash_created_at" TEXT NOT NULL,
    "stash_updated_at" TEXT NOT NULL,
    "studio_id" TEXT,
    "content_hash" TEXT NOT NULL,
    "first_seen_at" TIMESTAMP(3) NOT NULL,
    "last_synced_at" TIMESTAMP(3) NOT NULL,
    "removed_at" TIMESTAMP(3),
    "last_sync_failed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "scene_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scene_file" (
    "id" TEXT NOT NULL,
    "scene_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "path" TEXT NOT NULL,
    "basename" TEXT NOT NULL,
    "size" BIGINT NOT NULL DEFAULT 0,
    "duration" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "width" INTEGER NOT NULL DEFAULT 0,
    "height" INTEGER NOT NULL DEFAULT 0,
    "video_codec" TEXT NOT NULL DEFAULT '',
    "audio_codec" TEXT NOT NULL DEFAULT '',
    "frame_rate" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "bit_rate" INTEGER NOT NULL DEFAULT 0,
    "fingerprints" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "scene_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "performer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "disambiguation" TEXT,
    "urls" TEXT NOT NULL DEFAULT '[]',
    "gender" TEXT,
    "favorite" BOOLEAN NOT NULL DEFAULT false,
    "stash_created_at" TEXT NOT NULL,
    "stash_updated_at" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "first_seen_at" TIMESTAMP(3) NOT NULL,
    "last_synced_at" TIMESTAMP(3) NOT NULL,
    "removed_at" TIMESTAMP(3),

    CONSTRAINT "performer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tag" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "stash_created_at" TEXT NOT NULL,
    "stash_updated_at" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "first_seen_at" TIMESTAMP(3) NOT NULL,
    "last_synced_at" TIMESTAMP(3) NOT NULL,
    "removed_at" TIMESTAMP(3),

    CONSTRAINT "tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "studio" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "urls" TEXT NOT NULL DEFAULT '[]',
    "parent_id" TEXT,
    "stash_created_at" TEXT NOT NULL,
    "stash_updated_at" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "first_seen_at" TIMESTAMP(3) NOT NULL,
    "last_synced_at" TIMESTAMP(3) NOT NULL,
    "removed_at" TIMESTAMP(3),

    CONSTRAINT "studio_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scene_performer" (
    "scene_id" TEXT NOT NULL,
    "performer_id" TEXT NOT NULL,

    CONSTRAINT "scene_performer_pkey" PRIMARY KEY ("scene_id","performer_id")
);

-- CreateTable
CREATE TABLE "scene_tag" (
    "scene_id" TEXT NOT NULL,
    "tag_id" TEXT NOT NULL,

    CONSTRAINT "scene_tag_pkey" PRIMARY KEY ("scene_id","tag_id")
);

-- CreateTable
CREATE TABLE "sync_history" (
    "id" SERIAL NOT NULL,
    "job_id" TEXT NOT NULL,
    "sync_type" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "completed_at" TIMESTAMP(3),
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
    "heartbeat_at" TIMESTAMP(3),
    "cancel_requested_at" TIMESTAMP(3),

    CONSTRAINT "sync_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_log" (
    "id" SERIAL NOT NULL,
    "sync_history_id" INTEGER NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "sync_type" TEXT NOT NULL,
    "had_changes" BOOLEAN NOT NULL DEFAULT false,
    "change_type" TEXT,
    "error_message" TEXT,
    "changed_fields" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "restore_id" INTEGER,

    CONSTRAINT "sync_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analysis_plan" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analysis_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analysis_result" (
    "id" SERIAL NOT NULL,
    "plan_id" INTEGER NOT NULL,
    "scene_id" TEXT NOT NULL,
    "proposed_changes" TEXT NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analysis_result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "sync_lock" (
    "name" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "host" TEXT NOT NULL DEFAULT '',
    "pid" INTEGER NOT NULL,
    "process_start" TEXT,
    "acquired_at" TIMESTAMP(3) NOT NULL,
    "heartbeat_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sync_lock_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "job_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL,
    "read_at" TIMESTAMP(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scene_restore" (
    "id" SERIAL NOT NULL,
    "scene_id" TEXT NOT NULL,
    "restored_log_id" INTEGER NOT NULL,
    "restored_job_id" TEXT NOT NULL,
    "fields" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "requested_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "scene_restore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "scene_stash_updated_at_idx" ON "scene"("stash_updated_at");

-- CreateIndex
CREATE INDEX "scene_title_idx" ON "scene"("title");

-- CreateIndex
CREATE INDEX "scene_studio_id_idx" ON "scene"("studio_id");

-- CreateIndex
CREATE INDEX "scene_last_sync_failed_idx" ON "scene"("last_sync_failed");

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

-- CreateIndex
CREATE INDEX "notification_created_at_idx" ON "notification"("created_at");

-- CreateIndex
CREATE INDEX "notification_read_at_idx" ON "notification"("read_at");

-- CreateIndex
CREATE INDEX "scene_restore_scene_id_requested_at_idx" ON "scene_restore"("scene_id", "requested_at");

-- AddForeignKey
ALTER TABLE "scene" ADD CONSTRAINT "scene_studio_id_fkey" FOREIGN KEY ("studio_id") REFERENCES "studio"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scene_file" ADD CONSTRAINT "scene_file_scene_id_fkey" FOREIGN KEY ("scene_id") REFERENCES "scene"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scene_performer" ADD CONSTRAINT "scene_performer_scene_id_fkey" FOREIGN KEY ("scene_id") REFERENCES "scene"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scene_performer" ADD CONSTRAINT "scene_performer_performer_id_fkey" FOREIGN KEY ("performer_id") REFERENCES "performer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scene_tag" ADD CONSTRAINT "scene_tag_scene_id_fkey" FOREIGN KEY ("scene_id") REFERENCES "scene"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scene_tag" ADD CONSTRAINT "scene_tag_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_log" ADD CONSTRAINT "sync_log_sync_history_id_fkey" FOREIGN KEY ("sync_history_id") REFERENCES "sync_history"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analysis_result" ADD CONSTRAINT "analysis_result_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "analysis_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analysis_result" ADD CONSTRAINT "analysis_result_scene_id_fkey" FOREIGN KEY ("scene_id") REFERENCES "scene"("id") ON DELETE CASCADE ON UPDATE CASCADE;
