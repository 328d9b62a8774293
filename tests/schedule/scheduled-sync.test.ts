import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "../../server/db/client";
import {
  runScheduledSyncIfDue,
  type ScheduledSyncTick,
} from "../../server/schedule/run-scheduled-sync";
import { readSchedule, saveScheduleSettings } from "../../server/schedule/schedule-settings";
import { startScheduler, type Scheduler } from "../../server/schedule/scheduler";
import { startSync } from "../../server/sync/sync-service";
import { acquireSyncLock, releaseSyncLock } from "../../server/sync/sync-lock";
import { withStashSim } from "../helpers/stash-sim";
import { against } from "../helpers/sync-run";
import { ManualClock } from "../helpers/manual-clock";

const sim = withStashSim({ scenes: 40, seed: 7 });
const MINUTE = 60_000;
const T0 = new Date(Date.UTC(2026, 10, 27, 9, 0, 0));
/** Each test starts on its own day: the schedule's state carries over between tests. */
const day = (n: number) => new Date(T0.getTime() + n * 1440 * MINUTE);

/** A scheduler on a manual clock whose one job is the scheduled sync, against the simulator. */
function scheduledSyncOn(clock: ManualClock) {
  const ticks: ScheduledSyncTick[] = [];
  const scheduler = startScheduler({
    clock,
    pollMs: MINUTE,
    jobs: [
      {
        name: "scheduled-sync",
        tick: async (now) => {
          const tick = await runScheduledSyncIfDue(now, (request, trigger) =>
            startSync(request, trigger, against(sim)),
          );
          ticks.push(tick);
          await tick.done;
        },
      },
    ],
  });
  return { scheduler, ticks };
}

const scheduledRuns = () => db().syncHistory.findMany({ where: { trigger: "schedule" } });

let scheduler: Scheduler | undefined;
afterEach(() => scheduler?.stop());

describe("the scheduled incremental sync", () => {
  it("is off by default: no next run, and a tick does nothing", async () => {
    expect(await readSchedule()).toEqual({
      intervalMinutes: null,
      nextRunAt: null,
      lastAttempt: null,
    });
    expect((await runScheduledSyncIfDue(T0)).outcome).toBe("not_due");
  });

  it("fires one interval after it was set, with trigger schedule, and moves the next run on", async () => {
    const T0 = day(1);
    const clock = new ManualClock(T0);
    await saveScheduleSettings({ intervalMinutes: 15 }, T0);
    expect((await readSchedule()).nextRunAt).toEqual(new Date(T0.getTime() + 15 * MINUTE));
    const { scheduler: s, ticks } = scheduledSyncOn(clock);
    scheduler = s;

    for (let minute = 1; minute <= 14; minute++) {
      clock.advance(MINUTE);
      await s.idle();
    }
    expect(ticks.map((t) => t.outcome)).toEqual(Array(14).fill("not_due"));
    expect(await scheduledRuns()).toHaveLength(0);

    clock.advance(MINUTE);
    await s.idle();
    expect(ticks.at(-1)?.outcome).toBe("started");
    const runs = await scheduledRuns();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ syncType: "incremental", status: "completed" });
    expect(runs[0]?.jobId).toBe(ticks.at(-1)?.jobId);

    const schedule = await readSchedule();
    expect(schedule.nextRunAt).toEqual(new Date(T0.getTime() + 30 * MINUTE));
    expect(schedule.lastAttempt).toMatchObject({ outcome: "started", jobId: runs[0]?.jobId });
  });

  it("never overlaps a running sync: the tick is skipped and the next slot runs", async () => {
    const T0 = day(2);
    const clock = new ManualClock(T0);
    await saveScheduleSettings({ intervalMinutes: 30 }, T0);
    const before = (await scheduledRuns()).length;
    const { scheduler: s, ticks } = scheduledSyncOn(clock);
    scheduler = s;

    // Another sync (the CLI, a person) holds the one-writer lock when the slot comes.
    await acquireSyncLock(db(), "someone-elses-job");
    clock.advance(30 * MINUTE);
    await s.idle();
    expect(ticks.at(-1)).toMatchObject({ outcome: "skipped_running", jobId: "someone-elses-job" });
    expect(await scheduledRuns()).toHaveLength(before);
    expect(await readSchedule()).toMatchObject({
      nextRunAt: new Date(T0.getTime() + 60 * MINUTE),
      lastAttempt: { outcome: "skipped_running" },
    });

    await releaseSyncLock(db(), "someone-elses-job");
    clock.advance(29 * MINUTE);
    await s.idle();
    expect(ticks.at(-1)?.outcome).toBe("not_due");
    clock.advance(MINUTE);
    await s.idle();
    expect(ticks.at(-1)?.outcome).toBe("started");
    expect(await scheduledRuns()).toHaveLength(before + 1);
  });

  it("a changed interval counts from the change; off stops it", async () => {
    const T0 = day(3);
    await saveScheduleSettings({ intervalMinutes: 1440 }, T0);
    expect((await readSchedule()).nextRunAt).toEqual(new Date(T0.getTime() + 1440 * MINUTE));
    await saveScheduleSettings({ intervalMinutes: 0 }, T0);
    expect((await readSchedule()).nextRunAt).toBeNull();
    expect((await runScheduledSyncIfDue(new Date(T0.getTime() + 10_000 * MINUTE))).outcome).toBe(
      "not_due",
    );
  });

  it("refuses an interval that is not one of the choices", async () => {
    await expect(saveScheduleSettings({ intervalMinutes: 7 })).rejects.toThrow(/one of/);
  });
  it("says what held the lock when a restore or an apply did, not an unknown job", async () => {
    const T0 = day(5);
    await saveScheduleSettings({ intervalMinutes: 30 }, T0);
    await acquireSyncLock(db(), "restore-job", "a restore of scene 12 is being written");
    const lines: string[] = [];
    const print = vi.spyOn(console, "log").mockImplementation((line: string) => lines.push(line));
    try {
      const tick = await runScheduledSyncIfDue(new Date(T0.getTime() + 30 * MINUTE), (r, t) =>
        startSync(r, t, against(sim)),
      );
      expect(tick).toMatchObject({ outcome: "skipped_running", jobId: null });
    } finally {
      print.mockRestore();
      await releaseSyncLock(db(), "restore-job");
      await saveScheduleSettings({ intervalMinutes: 0 }, T0);
    }
    expect(lines.join("\n")).toMatch(
      /Scheduled incremental sync skipped: stash-sync is busy: a restore of scene 12 is being written \(on .+\)\./,
    );
  });
});
