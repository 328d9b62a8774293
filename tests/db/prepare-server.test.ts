import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { closeBulkWriter } from "../../server/db/bulk-writer";
import { db } from "../../server/db/client";
import { deferSecondaryIndexes, restoreDeferredSchema } from "../../server/db/deferred-schema";
import { acquireSyncLock, releaseSyncLock } from "../../server/sync/sync-lock";
import { closeRowReader, rowReader } from "../../server/db/row-reader";
import { sqliteFileFromUrl } from "../../server/db/database-file";
import { dialect } from "../../server/db/sql-dialect";
import { env } from "../../server/env";

const run = promisify(execFile);
const sceneTables = ["scene", "scene_file", "scene_performer", "scene_tag"];
const indexNames = async () =>
  (await rowReader().all<{ name: string }>(dialect.secondaryIndexes(sceneTables)))
    .map((ix) => ix.name)
    .sort();

describe("the server's start (scripts/prepare-server.ts)", () => {
  it("rebuilds the indexes a stopped first sync deferred, then applies migrations", async () => {
    const before = await indexNames();
    await deferSecondaryIndexes(sceneTables);
    expect(await indexNames()).toEqual([]);
    // As when a process was killed: no connection of it remains (migrations need the file alone).
    await closeBulkWriter();
    closeRowReader();

    // The real script, as `npm start` runs it, in its own process on this test's database.
    await run(process.execPath, ["--import", "tsx", "scripts/prepare-server.ts"], {
      env: process.env,
    });

    expect(await indexNames()).toEqual(before);
  });

  it("leaves them to a sync that is running, whose own they are", async () => {
    const before = await indexNames();
    await deferSecondaryIndexes(sceneTables);
    // A live holder: its heartbeat is fresh for the start's whole run (no beat writes the file).
    await acquireSyncLock(db(), "live-first-sync");
    try {
      await closeBulkWriter();
      closeRowReader();
      await db().$disconnect();
      const { stdout, stderr } = await run(
        process.execPath,
        ["--import", "tsx", "scripts/prepare-server.ts"],
        { env: { ...process.env, STASH_SYNC_LOCK_STALE_SECONDS: "600" } },
      );
      expect(`${stdout}${stderr}`).toMatch(/A sync is running \(job live-first-sync\)/);
      expect(await indexNames()).toEqual([]);
    } finally {
      await releaseSyncLock(db(), "live-first-sync");
      await restoreDeferredSchema();
    }
    expect(await indexNames()).toEqual(before);
  });

  it("marks a plan a dead process left running as interrupted and ends a dead apply's claim, leaving live ones", async () => {
    const beat = (ms: number) => new Date(Date.now() - ms);
    const dead = await db().analysisPlan.create({
      data: {
        name: "Dead",
        status: "running",
        startedAt: beat(600_000),
        heartbeatAt: beat(300_000),
      },
    });
    const live = await db().analysisPlan.create({
      data: { name: "Live", status: "running", startedAt: beat(5_000), heartbeatAt: beat(1_000) },
    });
    const applyDied = await db().analysisPlan.create({
      data: {
        name: "Apply died",
        status: "completed",
        applyingJobId: "a",
        applyingAt: beat(300_000),
      },
    });
    const applying = await db().analysisPlan.create({
      data: { name: "Applying", status: "completed", applyingJobId: "b", applyingAt: beat(1_000) },
    });
    await closeBulkWriter();
    closeRowReader();
    await db().$disconnect();

    await run(process.execPath, ["--import", "tsx", "scripts/prepare-server.ts"], {
      env: process.env,
    });

    expect(await db().analysisPlan.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({
      status: "interrupted",
      completedAt: dead.heartbeatAt,
    });
    expect((await db().analysisPlan.findUniqueOrThrow({ where: { id: live.id } })).status).toBe(
      "running",
    );
    const claim = { applyingJobId: true, applyingAt: true };
    expect(
      await db().analysisPlan.findUniqueOrThrow({ where: { id: applyDied.id }, select: claim }),
    ).toEqual({ applyingJobId: null, applyingAt: null });
    expect(
      await db().analysisPlan.findUniqueOrThrow({ where: { id: applying.id }, select: claim }),
    ).toEqual({ applyingJobId: "b", applyingAt: applying.applyingAt });
  });

  it("refuses to start, saying why, while another process writes to the database", async () => {
    await closeBulkWriter();
    closeRowReader();
    // As a sync started from cron would: a connection in the middle of a write transaction.
    const other = new Database(sqliteFileFromUrl(env().DATABASE_URL));
    other.exec("BEGIN IMMEDIATE");
    other.exec(`UPDATE "setting" SET "key" = "key"`);
    try {
      const failure = await run(
        process.execPath,
        ["--import", "tsx", "scripts/prepare-server.ts"],
        {
          env: process.env,
        },
      ).then(
        () => null,
        (error: { code?: number; stderr?: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain("is in use by another stash-sync process");
      expect(failure?.stderr).not.toContain("[object Object]");
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
  });
});
