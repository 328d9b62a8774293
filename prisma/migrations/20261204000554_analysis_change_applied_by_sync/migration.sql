-- AlterTable
ALTER TABLE "analysis_change" ADD COLUMN "applied_at" DATETIME;
ALTER TABLE "analysis_change" ADD COLUMN "applied_job_id" TEXT;
ALTER TABLE "analysis_change" ADD COLUMN "applied_log_id" INTEGER;
