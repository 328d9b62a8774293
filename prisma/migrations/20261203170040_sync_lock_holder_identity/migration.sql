-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_sync_lock" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "job_id" TEXT NOT NULL,
    "host" TEXT NOT NULL DEFAULT '',
    "pid" INTEGER NOT NULL,
    "process_start" TEXT,
    "acquired_at" DATETIME NOT NULL,
    "heartbeat_at" DATETIME NOT NULL
);
INSERT INTO "new_sync_lock" ("acquired_at", "heartbeat_at", "job_id", "name", "pid") SELECT "acquired_at", "heartbeat_at", "job_id", "name", "pid" FROM "sync_lock";
DROP TABLE "sync_lock";
ALTER TABLE "new_sync_lock" RENAME TO "sync_lock";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
