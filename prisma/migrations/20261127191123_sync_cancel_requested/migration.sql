-- AlterTable
ALTER TABLE "sync_history" ADD COLUMN "cancel_requested_at" DATETIME;
