-- AlterTable
ALTER TABLE "analysis_plan" ADD COLUMN     "analyzers" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "cancel_requested_at" TIMESTAMP(3),
ADD COLUMN     "changes_proposed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "completed_at" TIMESTAMP(3),
ADD COLUMN     "error_message" TEXT,
ADD COLUMN     "heartbeat_at" TIMESTAMP(3),
ADD COLUMN     "progress_done" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "progress_total" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "scenes_with_changes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "scope" TEXT NOT NULL DEFAULT '{"kind":"library"}',
ADD COLUMN     "started_at" TIMESTAMP(3),
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'draft';

-- As on SQLite: plans from before plans ran (only the demo wrote them) ended long ago.
UPDATE "analysis_plan" SET "status" = 'completed', "completed_at" = "created_at";

-- AlterTable
ALTER TABLE "analysis_result" DROP COLUMN "proposed_changes";

-- CreateTable
CREATE TABLE "analysis_change" (
    "id" SERIAL NOT NULL,
    "result_id" INTEGER NOT NULL,
    "plan_id" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "current" TEXT,
    "proposed" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "failure_reason" TEXT,
    "reviewed_at" TIMESTAMP(3),

    CONSTRAINT "analysis_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "analysis_change_result_id_idx" ON "analysis_change"("result_id");

-- CreateIndex
CREATE INDEX "analysis_change_plan_id_status_field_idx" ON "analysis_change"("plan_id", "status", "field");

-- CreateIndex
CREATE INDEX "analysis_change_plan_id_confidence_idx" ON "analysis_change"("plan_id", "confidence");

-- CreateIndex
CREATE INDEX "analysis_plan_created_at_idx" ON "analysis_plan"("created_at");

-- CreateIndex
CREATE INDEX "analysis_result_plan_id_scene_id_idx" ON "analysis_result"("plan_id", "scene_id");

-- AddForeignKey
ALTER TABLE "analysis_change" ADD CONSTRAINT "analysis_change_result_id_fkey" FOREIGN KEY ("result_id") REFERENCES "analysis_result"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analysis_change" ADD CONSTRAINT "analysis_change_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "analysis_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
