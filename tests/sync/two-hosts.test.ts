import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { startStashSim, type StashSim } from "../../stash-sim";
import { waitFor } from "../helpers/sync-run";

/**
 * Two machines sharing one database (on PostgreSQL, the setup this is for): the sync CLI in
 * real child processes that name themselves host-a and host-b, so neither may judge the
 * other by its pid, against the simulator over HTTP. Only the heartbeat tells them apart.
 */
let sim: StashSim;
beforeAll(async () => {
  sim = await startStashSim({ scenes: 3000, seed: 21 });
});
afterAll(() => sim.close());

interface Cli {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
  kill(signal: NodeJS.Signals): void;
}

/** `npm run sync -- …` on the machine `host`, on this test file's database. */
function cli(host: string, args: string[], env: Record<string, string> = {}): Cli {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/sync-cli.ts", ...args], {
    env: {
      ...process.env,
      STASH_URL: sim.url,
      STASH_PAGE_SIZE: "100",
      STASH_SYNC_INSTANCE_NAME: host,
      ...env,
    },
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  return {
    exited: new Promise((resolve) =>
      // "close", not "exit": only then has all its output been read.
      child.on("close", (code, signal) => resolve({ code, signal, output })),
    ),
    kill: (signal) => child.kill(signal),
  };
}

/** The run host-a started, once it holds the lock and is recorded as running. */
async function runningOn(host: string) {
  await waitFor(async () => (await db().syncLock.findFirst())?.host === host, 60_000);
  const lock = await db().syncLock.findFirstOrThrow();
  await waitFor(
    async () =>
      (await db().syncHistory.findUnique({ where: { jobId: lock.jobId } }))?.status === "running",
    60_000,
  );
  return lock.jobId;
}

describe("two machines syncing into one database", () => {
  it("refuse each other's second sync by name, cancel across them, and take over from a killed one after its heartbeat goes stale", async () => {
    // host-a's sync stays running: every request to Stash takes 5 s.
    sim.setLatency(5000);
    const a = cli("host-a", ["full"]);
    const jobA = await runningOn("host-a");

    // host-b is refused, told which job runs and where.
    const refused = await cli("host-b", ["incremental"]).exited;
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`A sync is already running (job ${jobA}, on host-a)`);

    // host-b cancels host-a's run through the database; host-a stops after its page.
    const cancel = await cli("host-b", ["cancel", jobA]).exited;
    expect(cancel.output).toContain(`Cancel requested: job ${jobA}`);
    expect(cancel.code).toBe(0);
    const ended = await a.exited;
    expect(ended.output).toMatch(/^cancelled:/m);
    expect(ended.code).toBe(1);
    const cancelled = await db().syncHistory.findUniqueOrThrow({ where: { jobId: jobA } });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.errorMessage).toMatch(/Cancelled on request/);
    expect(await db().syncLock.count()).toBe(0);

    // host-a again, killed (kill -9) after some pages: its lock and run stay behind.
    sim.setLatency(60);
    const a2 = cli("host-a", ["full"]);
    const jobA2 = await runningOn("host-a");
    await waitFor(async () => (await db().scene.count()) >= 300, 60_000);
    a2.kill("SIGKILL");
    expect((await a2.exited).signal).toBe("SIGKILL");
    sim.setLatency(0);

    // host-a's pid means nothing to host-b: while the heartbeat may still be fresh (a stale
    // time longer than this test), host-b is refused though the process is gone.
    const early = await cli("host-b", ["incremental"], {
      STASH_SYNC_LOCK_STALE_SECONDS: "3600",
    }).exited;
    expect(early.code).toBe(1);
    expect(early.output).toContain(`job ${jobA2}, on host-a`);
    expect((await db().syncHistory.findUniqueOrThrow({ where: { jobId: jobA2 } })).status).toBe(
      "running",
    );

    // Once the heartbeat is older than the stale time, host-b marks host-a's run interrupted,
    // takes the lock over and catches up.
    const { heartbeatAt } = await db().syncLock.findFirstOrThrow();
    await waitFor(async () => Date.now() - heartbeatAt.getTime() > 3500, 10_000);
    const b = await cli("host-b", ["incremental"], { STASH_SYNC_LOCK_STALE_SECONDS: "3" }).exited;
    expect(b.output).toMatch(/^completed:/m);
    expect(b.code).toBe(0);
    const interrupted = await db().syncHistory.findUniqueOrThrow({ where: { jobId: jobA2 } });
    expect(interrupted.status).toBe("interrupted");
    expect(interrupted.errorMessage).toMatch(/stopped before it finished/);
    expect(await db().scene.count()).toBe(3000);
    expect(await db().syncLock.count()).toBe(0);
  }, 240_000);
});
