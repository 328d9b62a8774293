import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { rowReader } from "../../server/db/row-reader";
import { listScenes } from "../../server/library/list-scenes";
import { startStashSim } from "../../stash-sim";
import { syncNow } from "../helpers/sync-run";

const counted = async () => {
  const [row] = await rowReader().all<{ kept: number; counted: number }>({
    sql: `SELECT (SELECT "count" FROM "present_scene_count") AS "kept",
      (SELECT COUNT(*) FROM "scene" WHERE "removed_at" IS NULL) AS "counted"`,
    params: [],
  });
  return row!;
};

/** The kept number is what counting the rows says, and what the list shows. */
async function expectPresent(n: number) {
  expect(await counted()).toEqual({ kept: n, counted: n });
  expect((await listScenes({})).total).toBe(n);
}

// PostgreSQL only: SQLite counts the rows themselves (dialect.presentScenes).
describe("the number of scenes still in Stash (PostgreSQL)", () => {
  it("follows every way scenes are written: synced, removed, back, deleted, emptied", async () => {
    const sim = await startStashSim({ scenes: 250, seed: 41 });
    try {
      // Pages of 100: the first sync inserts with COPY, three statements.
      expect((await syncNow(sim, { type: "full" })).status).toBe("completed");
      await expectPresent(250);

      sim.removeScene(7);
      sim.removeScene(8);
      expect((await syncNow(sim, { type: "full" })).status).toBe("completed");
      await expectPresent(248);

      // A scene marked removed that Stash still has comes back with the next full sync.
      await db().scene.update({ where: { id: "9" }, data: { removedAt: new Date() } });
      await expectPresent(247);
      expect((await syncNow(sim, { type: "full" })).status).toBe("completed");
      await expectPresent(248);

      // A removed scene deleted changes nothing; a present one counts down.
      await db().sceneFile.deleteMany({ where: { sceneId: { in: ["7", "11"] } } });
      await db().scenePerformer.deleteMany({ where: { sceneId: { in: ["7", "11"] } } });
      await db().sceneTag.deleteMany({ where: { sceneId: { in: ["7", "11"] } } });
      await db().scene.deleteMany({ where: { id: { in: ["7", "11"] } } });
      await expectPresent(247);

      await db().$executeRawUnsafe(`TRUNCATE "scene" CASCADE`);
      await expectPresent(0);
    } finally {
      await sim.close();
    }
  });
});
