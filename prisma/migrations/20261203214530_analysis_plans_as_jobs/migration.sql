-- CreateTable
CREATE TABLE "analysis_change" (
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
    CONSTRAINT "analysis_change_result_id_fkey" FOREIGN KEY ("result_id") REFERENCES "analysis_result" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "analysis_change_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "analysis_plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_analysis_plan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "analyzers" TEXT NOT NULL DEFAULT '[]',
    "scope" TEXT NOT NULL DEFAULT '{"kind":"library"}',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "started_at" DATETIME,
    "completed_at" DATETIME,
    "error_message" TEXT,
    "progress_done" INTEGER NOT NULL DEFAULT 0,
    "progress_total" INTEGER NOT NULL DEFAULT 0,
    "heartbeat_at" DATETIME,
    "cancel_requested_at" DATETIME,
    "scenes_with_changes" INTEGER NOT NULL DEFAULT 0,
    "changes_proposed" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_analysis_plan" ("created_at", "description", "id", "name") SELECT "created_at", "description", "id", "name" FROM "analysis_plan";
-- Plans from before plans ran (only the demo wrote them) ended long ago: they are completed, not
-- drafts. Their free-form proposed_changes had no confidence or evidence and are not carried over.
UPDATE "new_analysis_plan" SET "status" = 'completed', "completed_at" = "created_at";
DROP TABLE "analysis_plan";
ALTER TABLE "new_analysis_plan" RENAME TO "analysis_plan";
CREATE INDEX "analysis_plan_created_at_idx" ON "analysis_plan"("created_at");
CREATE TABLE "new_analysis_result" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "plan_id" INTEGER NOT NULL,
    "scene_id" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "analysis_result_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "analysis_plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "analysis_result_scene_id_fkey" FOREIGN KEY ("scene_id") REFERENCES "scene" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_analysis_result" ("created_at", "id", "plan_id", "scene_id") SELECT "created_at", "id", "plan_id", "scene_id" FROM "analysis_result";
DROP TABLE "analysis_result";
ALTER TABLE "new_analysis_result" RENAME TO "analysis_result";
CREATE INDEX "analysis_result_scene_id_created_at_idx" ON "analysis_result"("scene_id", "created_at");
CREATE INDEX "analysis_result_plan_id_scene_id_idx" ON "analysis_result"("plan_id", "scene_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "analysis_change_result_id_idx" ON "analysis_change"("result_id");

-- CreateIndex
CREATE INDEX "analysis_change_plan_id_status_field_idx" ON "analysis_change"("plan_id", "status", "field");

-- CreateIndex
CREATE INDEX "analysis_change_plan_id_confidence_idx" ON "analysis_change"("plan_id", "confidence");
