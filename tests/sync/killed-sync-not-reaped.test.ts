import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { startStashSim, type StashSim } from "../../stash-sim";
import { syncNow, waitFor } from "../helpers/sync-run";

let sim: StashSim;
beforeAll(async () => {
  sim = await startStashSim({ scenes: 800, seed: 17 });
});
afterAll(() => sim.close());

/** The kernel's state letter for a process: Z for a zombie. */
const stateOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
};

describe("a sync process killed and never reaped (a PID 1 that does not reap, as in Docker)", () => {
  it("does not block the next sync, which goes ahead at once and marks the dead run interrupted", async () => {
    sim.setLatency(50);
    // The CLI runs under a parent that never waits for it: `sleep` replaces the shell that
    // started it, so the killed CLI stays a zombie for as long as the group lives.
    const group = spawn(
      "sh",
      ["-c", `"${process.execPath}" --import tsx scripts/sync-cli.ts full & exec sleep 120`],
      {
        env: { ...process.env, STASH_URL: sim.url, STASH_PAGE_SIZE: "100" },
        stdio: "ignore",
        detached: true,
      },
    );
    try {
      await waitFor(async () => (await db().scene.count()) >= 200, 60_000);
      const lock = await db().syncLock.findUniqueOrThrow({ where: { name: "sync" } });
      process.kill(lock.pid, "SIGKILL");
      await waitFor(() => stateOf(lock.pid) === "Z");
      const dead = await db().syncHistory.findUniqueOrThrow({ where: { jobId: lock.jobId } });
      expect(dead.status).toBe("running");

      sim.setLatency(0);
      // No wait: the heartbeat is still fresh, but the holder is a zombie.
      const next = await syncNow(sim, { type: "incremental" });
      expect(next.status).toBe("completed");
      expect(
        (await db().syncHistory.findUniqueOrThrow({ where: { jobId: lock.jobId } })).status,
      ).toBe("interrupted");
    } finally {
      process.kill(-group.pid!, "SIGKILL");
    }
  });

  it("does not take a live process that reuses the holder's pid for the holder", async () => {
    // This test process is alive, but it did not take the lock: its start time differs.
    const { holderAlive, thisProcess } = await import("../../server/sync/lock-holder");
    const me = thisProcess();
    const fresh = new Date();
    expect(holderAlive({ ...me, heartbeatAt: fresh }, 30_000)).toBe(true);
    expect(holderAlive({ ...me, processStart: "1", heartbeatAt: fresh }, 30_000)).toBe(false);
    // On another host only the heartbeat tells.
    expect(holderAlive({ ...me, host: "elsewhere", pid: 1, heartbeatAt: fresh }, 30_000)).toBe(
      true,
    );
    const stale = new Date(Date.now() - 60_000);
    expect(holderAlive({ ...me, host: "elsewhere", heartbeatAt: stale }, 30_000)).toBe(false);
  });
});
