import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "../../server/db/client";
import { databaseNow } from "../../server/db/database-clock";
import { acquireSyncLock, runningJobId } from "../../server/sync/sync-lock";

/**
 * Machines' clocks differ; the database's is the one they share. Here this process's clock is
 * set ten minutes ahead (only JavaScript's Date: the database keeps the real time), as on a
 * machine whose clock drifted, and the lock is held by a sync on another machine.
 */
const skewMs = 10 * 60_000;

async function holdLockElsewhere(jobId: string, heartbeatAgoMs: number) {
  const heartbeatAt = new Date(Date.now() - heartbeatAgoMs);
  await db().syncLock.create({
    data: { name: "sync", jobId, host: "elsewhere", pid: 1, acquiredAt: heartbeatAt, heartbeatAt },
  });
}

afterEach(async () => {
  vi.useRealTimers();
  await db().syncLock.deleteMany();
});

describe("the sync lock on a machine whose clock is ahead", () => {
  it("keeps another machine's fresh lock alive and refuses, naming the job and machine", async () => {
    await holdLockElsewhere("remote-job", 1000);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + skewMs });
    expect(await runningJobId(db())).toBe("remote-job");
    await expect(acquireSyncLock(db(), "local-job")).rejects.toThrow(
      "A sync is already running (job remote-job, on elsewhere).",
    );
    // What this process stamps is the database's time, not its own.
    expect(Math.abs(databaseNow().getTime() + skewMs - Date.now())).toBeLessThan(5000);
  });

  it("takes over a lock whose heartbeat is stale by the database's clock", async () => {
    await holdLockElsewhere("dead-job", 60_000);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - skewMs });
    expect(await runningJobId(db())).toBeNull();
    expect(await acquireSyncLock(db(), "local-job")).toEqual({ deadHolderJobId: "dead-job" });
    const lock = await db().syncLock.findUniqueOrThrow({ where: { name: "sync" } });
    expect(lock.jobId).toBe("local-job");
    // Stamped in the database's time: fresh to any machine, however its clock is set.
    expect(Math.abs(lock.heartbeatAt.getTime() - (Date.now() + skewMs))).toBeLessThan(5000);
  });
});
