import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, pendingSchemaChanges } from "../../server/db/migrations";

const dir = mkdtempSync(path.join(os.tmpdir(), "stash-sync-migrations-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const now = "2026-11-01T10:00:00.000+00:00";

/** The migrated database `file`, open, with scene 1 and plan 1 (named `plan`) in it. */
function withSceneAndPlan(file: string, plan: string): Database.Database {
  const database = new Database(file);
  database
    .prepare(
      `INSERT INTO "scene" ("id", "stash_created_at", "stash_updated_at", "content_hash", "first_seen_at", "last_synced_at") VALUES ('1', ?, ?, '', ?, ?)`,
    )
    .run(now, now, now, now);
  database
    .prepare(`INSERT INTO "analysis_plan" ("name", "created_at") VALUES (?, ?)`)
    .run(plan, now);
  return database;
}

describe("migrations", () => {
  it("mark, on upgrade, the scenes whose newest sync_log row failed (scene.last_sync_failed)", async () => {
    const file = path.join(dir, "upgrade.db");
    await applyMigrations(file, { upTo: "20261127140750_add_notifications" });
    const before = new Database(file);
    before
      .prepare(
        `INSERT INTO "sync_history" ("job_id", "sync_type", "trigger", "status", "started_at") VALUES ('j', 'incremental', 'cli', 'completed', ?)`,
      )
      .run(now);
    const scene = before.prepare(
      `INSERT INTO "scene" ("id", "stash_created_at", "stash_updated_at", "content_hash", "first_seen_at", "last_synced_at") VALUES (?, ?, ?, '', ?, ?)`,
    );
    const log = before.prepare(
      `INSERT INTO "sync_log" ("sync_history_id", "entity_type", "entity_id", "sync_type", "had_changes", "change_type", "created_at") VALUES (1, 'scene', ?, 'incremental', 0, ?, ?)`,
    );
    for (const id of ["1", "2", "3", "4"]) scene.run(id, now, now, now, now);
    log.run("1", "failed", "2026-11-01T10:00:00.000+00:00");
    log.run("2", "failed", "2026-11-01T10:00:00.000+00:00");
    log.run("2", "skipped", "2026-11-02T10:00:00.000+00:00");
    log.run("3", "updated", "2026-11-01T10:00:00.000+00:00");
    log.run("3", "failed", "2026-11-02T10:00:00.000+00:00");
    before.close();

    const upgrade = "20261127170413_scene_last_sync_failed";
    expect(await applyMigrations(file, { upTo: upgrade })).toEqual([upgrade]);
    const after = new Database(file, { readonly: true });
    const failing = after
      .prepare(`SELECT "id" FROM "scene" WHERE "last_sync_failed" ORDER BY "id"`)
      .all() as { id: string }[];
    after.close();
    expect(failing.map((row) => row.id)).toEqual(["1", "3"]);
  });

  it("keep, on upgrade, earlier analysis plans and their timeline entries, as completed plans", async () => {
    const file = path.join(dir, "analysis-upgrade.db");
    await applyMigrations(file, { upTo: "20261203175801_scene_restore" });
    const before = withSceneAndPlan(file, "Old");
    before
      .prepare(
        `INSERT INTO "analysis_result" ("plan_id", "scene_id", "proposed_changes", "created_at") VALUES (1, '1', '[]', ?)`,
      )
      .run(now);
    before.close();

    const upgrade = "20261203214530_analysis_plans_as_jobs";
    expect(await applyMigrations(file, { upTo: upgrade })).toEqual([upgrade]);
    const after = new Database(file, { readonly: true });
    const plan = after
      .prepare(`SELECT "name", "status", "completed_at" FROM "analysis_plan"`)
      .get();
    const results = after.prepare(`SELECT "plan_id", "scene_id" FROM "analysis_result"`).all();
    after.close();
    expect(plan).toEqual({ name: "Old", status: "completed", completed_at: now });
    expect(results).toEqual([{ plan_id: 1, scene_id: "1" }]);
  });

  it("keep, on upgrade, a plan's changes and their reviews when their plan key is dropped", async () => {
    const file = path.join(dir, "plan-key-upgrade.db");
    await applyMigrations(file, { upTo: "20261204143000_name_search" });
    const before = withSceneAndPlan(file, "P");
    before
      .prepare(
        `INSERT INTO "analysis_result" ("plan_id", "scene_id", "created_at") VALUES (1, '1', ?)`,
      )
      .run(now);
    const change = `"id", "result_id", "plan_id", "field", "action", "proposed", "confidence", "status", "reviewed_at"`;
    before
      .prepare(
        `INSERT INTO "analysis_change" (${change}) VALUES (7, 1, 1, 'date', 'set', '"2020-01-01"', 0.9, 'approved', ?)`,
      )
      .run(now);
    before.close();

    const upgrade = "20261205215748_analysis_change_plan_unkeyed";
    expect(await applyMigrations(file, { upTo: upgrade })).toEqual([upgrade]);
    const after = new Database(file);
    expect(after.prepare(`SELECT ${change} FROM "analysis_change"`).all()).toEqual([
      {
        id: 7,
        result_id: 1,
        plan_id: 1,
        field: "date",
        action: "set",
        proposed: '"2020-01-01"',
        confidence: 0.9,
        status: "approved",
        reviewed_at: now,
      },
    ]);
    // A change still goes with its result.
    after.pragma("foreign_keys = ON");
    after.prepare(`DELETE FROM "analysis_result"`).run();
    expect(after.prepare(`SELECT COUNT(*) AS "n" FROM "analysis_change"`).get()).toEqual({ n: 0 });
    after.close();
  });

  it("build every table and index of the data model on an empty database", async () => {
    const file = path.join(dir, "empty.db");
    const applied = await applyMigrations(file);
    expect(applied.length).toBeGreaterThan(0);

    const sqlite = new Database(file, { readonly: true });
    const names = (type: string) =>
      (
        sqlite.prepare("SELECT name FROM sqlite_master WHERE type = ?").all(type) as {
          name: string;
        }[]
      ).map((r) => r.name);
    expect(names("table")).toEqual(
      expect.arrayContaining([
        "scene",
        "scene_file",
        "performer",
        "tag",
        "studio",
        "scene_performer",
        "scene_tag",
        "sync_history",
        "sync_log",
        "analysis_plan",
        "analysis_result",
        "analysis_change",
        "setting",
        "scene_restore",
        "_prisma_migrations",
      ]),
    );
    const syncLogColumns = (
      sqlite.prepare("PRAGMA table_info(sync_log)").all() as { name: string }[]
    ).map((c) => c.name);
    expect(syncLogColumns).toEqual([
      "id",
      "sync_history_id",
      "entity_type",
      "entity_id",
      "sync_type",
      "had_changes",
      "change_type",
      "error_message",
      "changed_fields",
      "created_at",
      // Beyond the design's columns: the restore that caused the row (issue 18).
      "restore_id",
    ]);
    const historyIndex = sqlite
      .prepare("SELECT name FROM pragma_index_list('sync_log')")
      .all()
      .map((r) => (r as { name: string }).name)
      .map((name) =>
        (sqlite.prepare(`PRAGMA index_info("${name}")`).all() as { name: string }[]).map(
          (c) => c.name,
        ),
      );
    expect(historyIndex).toContainEqual(["entity_type", "entity_id", "created_at", "id"]);
    expect(historyIndex).toContainEqual(["sync_history_id", "change_type", "id"]);

    const recorded = sqlite
      .prepare("SELECT migration_name, finished_at FROM _prisma_migrations")
      .all() as {
      migration_name: string;
      finished_at: string | null;
    }[];
    expect(recorded.map((r) => r.migration_name)).toEqual(applied);
    expect(recorded.every((r) => r.finished_at !== null)).toBe(true);
    sqlite.close();
  });

  it("apply nothing the second time", async () => {
    const file = path.join(dir, "twice.db");
    await applyMigrations(file);
    expect(await applyMigrations(file)).toEqual([]);
  });

  it("agree with schema.prisma (no drift)", async () => {
    expect(await pendingSchemaChanges()).toBe("");
  });
});
