import { describe, expect, it, onTestFinished } from "vitest";
import { db } from "../../server/db/client";
import { deferForBulkLoad, restoreDeferredSchema } from "../../server/db/deferred-schema";
import { rowReader } from "../../server/db/row-reader";
import { dialect } from "../../server/db/sql-dialect";
import { createScene, createTag } from "../factories/library";
import { withStashSim } from "../helpers/stash-sim";
import { syncNow } from "../helpers/sync-run";

const sim = withStashSim({ scenes: 20, seed: 5 });

/**
 * A first sync on PostgreSQL drops the scene tables' primary keys for its bulk load
 * (deferred-schema.ts); a run killed meanwhile leaves them for the next run to build. Its writes
 * need them (ON CONFLICT), so a next run that cannot build them stops there, saying why, rather
 * than failing every scene.
 */
describe("a sync that finds primary keys deferred (PostgreSQL)", () => {
  it("builds them first, and fails with the database's reason if it cannot", async () => {
    const tag = await createTag(db());
    const scene = await createScene(db(), { tagIds: [tag.id] });
    await deferForBulkLoad(["scene_tag"]);
    // A row twice: the key cannot be built until one goes.
    const link = {
      sql: `INSERT INTO "scene_tag" ("scene_id", "tag_id") VALUES ($1, $2)`,
      params: [scene.id, tag.id],
    };
    await rowReader().all(link);
    onTestFinished(async () => {
      await rowReader().all({
        sql: `DELETE FROM "scene_tag" WHERE ctid IN (SELECT ctid FROM "scene_tag" WHERE "scene_id" = $1 LIMIT 1)`,
        params: [scene.id],
      });
      await restoreDeferredSchema();
    });

    const run = await syncNow(sim, { type: "full" });
    expect(run.status).toBe("failed");
    expect(run.errorMessage).toMatch(
      /primary keys, which a first sync leaves out until its end, could not be built again \(could not create unique index "scene_tag_pkey"\)/,
    );
    // Stopped before its first page: nothing of Stash's library was written.
    expect(await db().scene.count()).toBe(1);
    expect(await db().syncLog.count({ where: { changeType: "created" } })).toBe(0);
  });

  it("builds them first and then syncs as usual", async () => {
    await createScene(db());
    await deferForBulkLoad(["scene", "scene_tag"]);
    const keys = async () =>
      (await rowReader().all(dialect.primaryKeys(["scene", "scene_tag"]))).length;
    expect(await keys()).toBe(0);

    const run = await syncNow(sim, { type: "full" });
    expect(run.status).toBe("completed");
    expect(await keys()).toBe(2);
    expect(await db().scene.count({ where: { removedAt: null } })).toBe(20);
  });
});
