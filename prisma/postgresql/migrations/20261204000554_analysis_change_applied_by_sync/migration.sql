-- AlterTable
ALTER TABLE "analysis_change" ADD COLUMN     "applied_at" TIMESTAMP(3),
ADD COLUMN     "applied_job_id" TEXT,
ADD COLUMN     "applied_log_id" INTEGER;
