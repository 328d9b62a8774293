import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { rowReader } from "../../server/db/row-reader";
import { dialect } from "../../server/db/sql-dialect";
import { recoverInterruptedRuns } from "../../server/sync/run-record";
import { indexesFilledInOrder, keysDeferredOf, sceneTables } from "../../server/sync/run/bulk-load";
import { startStashSim, type StashSim } from "../../stash-sim";
import { expectNoDanglingForeignKeys } from "../helpers/foreign-keys";
import { syncNow, waitFor } from "../helpers/sync-run";

let sim: StashSim;

/** The secondary indexes of the tables a first sync fills, by name. */
async function sceneIndexes(): Promise<string[]> {
  const statement = dialect.secondaryIndexes(sceneTables);
  return (await rowReader().all<{ name: string }>(statement)).map((ix) => ix.name);
}
/**
 * The foreign and primary keys of those tables and the log's foreign keys (PostgreSQL's;
 * SQLite's cannot be dropped and list none).
 */
async function sceneKeys(): Promise<string[]> {
  const statements = [
    dialect.foreignKeys([...sceneTables, ...keysDeferredOf]),
    dialect.primaryKeys(sceneTables),
  ];
  const keys = await Promise.all(statements.map((s) => rowReader().all<{ name: string }>(s)));
  return keys.flat().map((key) => key.name);
}
beforeAll(async () => {
  sim = await startStashSim({ scenes: 1200, seed: 13 });
});
afterAll(() => sim.close());

describe("a sync process killed mid-run (kill -9)", () => {
  // A child process that compiles on start: on a busy machine it needs longer than the
  // default 30 s before its wait for written pages (60 s) even begins to matter.
  it("leaves a consistent database, is marked interrupted on the next start, and the next incremental catches up", async () => {
    const schemaIndexes = await sceneIndexes();
    const schemaKeys = await sceneKeys();
    sim.setLatency(60);
    // The CLI in a real child process (node + tsx's loader, one process, so the kill hits it).
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/sync-cli.ts", "full"], {
      env: { ...process.env, STASH_URL: sim.url, STASH_PAGE_SIZE: "100" },
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    await waitFor(async () => (await db().scene.count()) >= 300, 60_000);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    const run = await db().syncHistory.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(run.status).toBe("running");

    // Whole pages or nothing: every stored scene has its files and links, no dangling keys.
    await expectNoDanglingForeignKeys();
    const scenesWithoutFiles = await db().scene.count({ where: { files: { none: {} } } });
    expect(scenesWithoutFiles).toBe(0);
    const stored = await db().scene.count();
    expect(stored % 100).toBe(0);
    // It was filling an empty library, so the scene indexes were deferred (bulk-load.ts), but
    // for those it fills in key order…
    expect(indexesFilledInOrder.every((name) => schemaIndexes.includes(name))).toBe(true);
    expect((await sceneIndexes()).sort()).toEqual([...indexesFilledInOrder].sort());
    expect(await sceneKeys()).toEqual([]);

    expect(await recoverInterruptedRuns(db())).toEqual([run.jobId]);
    const after = await db().syncHistory.findUniqueOrThrow({ where: { id: run.id } });
    expect(after.status).toBe("interrupted");
    expect(after.errorMessage).toMatch(/stopped before it finished/);
    // A person hears of it: the in-app notification list says the run was interrupted.
    const notice = await db().notification.findFirstOrThrow({ where: { jobId: run.jobId } });
    expect(notice.title).toMatch(/interrupted/);
    expect(after.itemsCreated).toBe(
      await db().syncLog.count({ where: { syncHistoryId: run.id, changeType: "created" } }),
    );

    sim.setLatency(0);
    const catchUp = await syncNow(sim, { type: "incremental" });
    expect(catchUp.status).toBe("completed");
    expect(await db().scene.count()).toBe(1200);
    const last = await db().scene.findUniqueOrThrow({
      where: { id: "1200" },
      include: { files: true },
    });
    expect(last.title).toBe(sim.scene(1200)!.title);
    expect(last.files).toHaveLength(sim.scene(1200)!.files.length);
    // … and the next sync rebuilt them.
    expect(await sceneIndexes()).toEqual(schemaIndexes);
    expect(await sceneKeys()).toEqual(schemaKeys);
    await expectNoDanglingForeignKeys();
  }, 120_000);
});
