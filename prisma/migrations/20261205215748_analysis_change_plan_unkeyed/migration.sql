-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_analysis_change" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "result_id" INTEGER NOT NULL,
    "plan_id" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "current" TEXT,
    "proposed" TEXT NOT NULL,
    "confidence" REAL NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "failure_reason" TEXT,
    "reviewed_at" DATETIME,
    "applied_at" DATETIME,
    "applied_job_id" TEXT,
    "applied_log_id" INTEGER,
    CONSTRAINT "analysis_change_result_id_fkey" FOREIGN KEY ("result_id") REFERENCES "analysis_result" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_analysis_change" ("action", "applied_at", "applied_job_id", "applied_log_id", "confidence", "current", "evidence", "failure_reason", "field", "id", "plan_id", "proposed", "result_id", "reviewed_at", "status") SELECT "action", "applied_at", "applied_job_id", "applied_log_id", "confidence", "current", "evidence", "failure_reason", "field", "id", "plan_id", "proposed", "result_id", "reviewed_at", "status" FROM "analysis_change";
DROP TABLE "analysis_change";
ALTER TABLE "new_analysis_change" RENAME TO "analysis_change";
CREATE INDEX "analysis_change_result_id_idx" ON "analysis_change"("result_id");
CREATE INDEX "analysis_change_plan_id_status_field_idx" ON "analysis_change"("plan_id", "status", "field");
CREATE INDEX "analysis_change_plan_id_confidence_idx" ON "analysis_change"("plan_id", "confidence");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
