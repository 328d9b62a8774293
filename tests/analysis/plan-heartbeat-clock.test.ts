import { afterEach, describe, expect, it, vi } from "vitest";
import {
  beatPlanApply,
  claimPlanApply,
  recoverInterruptedApplies,
} from "../../server/analysis/apply-claim";
import { createAnalysisPlan } from "../../server/analysis/create-analysis-plan";
import { openPlanRun, recoverInterruptedPlans } from "../../server/analysis/plan-run-record";
import { readAnalysisPlan } from "../../server/analysis/read-analysis-plan";
import { db } from "../../server/db/client";

/**
 * A plan's run and an apply's claim beat while they work, and a process on another machine
 * judges those beats. Here this process's clock is set five minutes behind while it beats
 * (only JavaScript's Date: the database keeps the real time), as on a machine whose clock
 * drifted; then it is set right again, as another machine judging them.
 */
const skewMs = 5 * 60_000;

const newPlan = () =>
  createAnalysisPlan({ name: "Clock", analyzers: ["date"], scope: { kind: "library" } });

const onMachineBehind = async <T>(work: () => Promise<T>): Promise<T> => {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - skewMs });
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
};

afterEach(() => vi.useRealTimers());

describe("heartbeats written on a machine whose clock is behind", () => {
  it("keep its plan's run alive to another machine", async () => {
    const plan = await newPlan();
    await onMachineBehind(() => openPlanRun(db(), plan.id, 10));

    expect(await recoverInterruptedPlans(db(), new Set())).toEqual([]);
    expect((await readAnalysisPlan({ planId: plan.id })).status).toBe("running");
    const row = await db().analysisPlan.findUniqueOrThrow({ where: { id: plan.id } });
    // Stamped in the database's time, not the drifted clock's.
    expect(Math.abs(row.heartbeatAt!.getTime() - Date.now())).toBeLessThan(5000);
  });

  it("keep its apply's claim live to another machine", async () => {
    const plan = await newPlan();
    await onMachineBehind(async () => {
      await claimPlanApply(db(), plan.id, "apply-behind");
      await beatPlanApply(db(), plan.id, "apply-behind");
    });

    expect(await recoverInterruptedApplies(db())).toEqual([]);
    expect((await readAnalysisPlan({ planId: plan.id })).applying).toBe(true);
    await expect(claimPlanApply(db(), plan.id, "apply-here")).rejects.toThrow(
      "is already being applied",
    );
  });

  it("still let another machine take over a claim that stopped beating", async () => {
    const plan = await newPlan();
    await db().analysisPlan.update({
      where: { id: plan.id },
      data: { applyingJobId: "apply-dead", applyingAt: new Date(Date.now() - 61_000) },
    });

    await onMachineBehind(() => claimPlanApply(db(), plan.id, "apply-behind"));
    const row = await db().analysisPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(row.applyingJobId).toBe("apply-behind");
  });
});
