-- DropForeignKey
ALTER TABLE "analysis_change" DROP CONSTRAINT "analysis_change_plan_id_fkey";
