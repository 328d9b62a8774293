-- DropIndex
DROP INDEX "sync_log_change_type_created_at_idx";

-- CreateIndex
CREATE INDEX "sync_log_change_type_created_at_id_idx" ON "sync_log"("change_type", "created_at", "id");
