-- AlterTable
ALTER TABLE "analysis_plan" ADD COLUMN "applying_at" DATETIME;
ALTER TABLE "analysis_plan" ADD COLUMN "applying_job_id" TEXT;

-- AlterTable
ALTER TABLE "sync_lock" ADD COLUMN "task" TEXT;
