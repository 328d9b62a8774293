import { describe, expect, it } from "vitest";
import { recoverInterruptedApplies } from "../../server/analysis/apply-claim";
import { applyAnalysisPlan } from "../../server/analysis/apply-analysis-plan";
import { withApplyGuard } from "../../server/analysis/apply-guard";
import { readAnalysisPlan } from "../../server/analysis/read-analysis-plan";
import { reviewPlanChanges } from "../../server/analysis/review-changes";
import { db } from "../../server/db/client";
import { isAppError, type AppError } from "../../server/errors";
import { lockRow, syncNow, waitFor } from "../helpers/sync-run";
import { withRestoreFixture } from "../restore/helpers/restore-fixture";
import { planOver, plantPathFacts, sceneUpdates } from "./helpers/planted-plan";

const fixture = withRestoreFixture({ scenes: 30, seed: 23 });
const server = { credential: null, door: "trpc" } as const;
const apply = (planId: number) =>
  applyAnalysisPlan({ planId }, server, { stash: { url: fixture.sim.url, apiKey: null } });

/** A plan over these scenes (each planted with a performer, a studio and a date), all approved. */
async function approvedPlan(scenes: [sceneId: number, performerId: string][]) {
  for (const [i, [sceneId, performerId]] of scenes.entries()) {
    await plantPathFacts(fixture.sim, sceneId, performerId, i);
  }
  const planId = await planOver(
    fixture.sim,
    scenes.map(([sceneId]) => String(sceneId)),
  );
  const { count } = await reviewPlanChanges({ planId, decision: "approve" });
  expect(count).toBeGreaterThan(0);
  return { planId, approved: count };
}

const claimOf = (planId: number) =>
  db().analysisPlan.findUniqueOrThrow({
    where: { id: planId },
    select: { applyingJobId: true, applyingAt: true },
  });
const codeOf = (error: unknown) => (isAppError(error) ? error.code : error);

describe("applying a plan exclusively", () => {
  it("of two applies of one plan at once, one writes each scene once and the other is refused", async () => {
    const { planId, approved } = await approvedPlan([
      [3, "5"],
      [4, "6"],
    ]);
    const writesBefore = sceneUpdates(fixture.sim).length;
    fixture.sim.setLatency(100);

    const outcomes = await Promise.allSettled([apply(planId), apply(planId)]);

    const done = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ applied: approved, failed: 0, scenesWritten: 2 });
    expect(done[0]!.syncs).toEqual([{ jobId: expect.any(String), status: "completed" }]);
    expect(refused.map(codeOf)).toEqual(["PLAN_APPLYING"]);
    expect((refused[0] as AppError).message).toBe(
      `Plan #${planId} is already being applied to Stash. Wait for that to finish, then reload the page to see which changes were applied.`,
    );
    expect(sceneUpdates(fixture.sim).length - writesBefore).toBe(2);
    expect(await claimOf(planId)).toEqual({ applyingJobId: null, applyingAt: null });
    expect(await lockRow()).toBeNull();
  });

  it("refuses a sync, and an apply of another plan, while it runs; its own sync records the writes", async () => {
    const { planId } = await approvedPlan([[9, "7"]]);
    const other = await approvedPlan([[10, "8"]]);
    fixture.sim.setLatency(150);

    const applying = apply(planId);
    await waitFor(async () => (await lockRow())?.task != null, 10_000);
    expect((await readAnalysisPlan({ planId })).applying).toBe(true);

    const sync = await syncNow(fixture.sim, { type: "incremental" }).catch((e: unknown) => e);
    expect(codeOf(sync)).toBe("SYNC_ALREADY_RUNNING");
    expect((sync as AppError).message).toMatch(
      new RegExp(
        `^stash-sync is busy: analysis plan #${planId} is being applied to Stash \\(on .+\\)\\. Try again once that has finished\\.$`,
      ),
    );
    // No sync run holds the lock: nothing for a page to link to.
    expect((sync as AppError).details.jobId).toBeNull();
    expect(codeOf(await apply(other.planId).catch((e: unknown) => e))).toBe("SYNC_ALREADY_RUNNING");
    expect(await claimOf(other.planId)).toEqual({ applyingJobId: null, applyingAt: null });

    const result = await applying;
    const jobId = result.syncs[0]?.jobId;
    expect(result.syncs).toEqual([{ jobId: expect.any(String), status: "completed" }]);
    const changes = await db().analysisChange.findMany({ where: { planId } });
    expect(changes.every((c) => c.status === "applied" && c.appliedJobId === jobId)).toBe(true);
    expect(changes.every((c) => c.appliedLogId !== null)).toBe(true);
    expect(await lockRow()).toBeNull();
    expect((await readAnalysisPlan({ planId })).applying).toBe(false);

    fixture.sim.setLatency(0);
    expect(await apply(other.planId)).toMatchObject({ failed: 0, scenesWritten: 1 });
  });

  it("refuses while another live apply claims the plan, and takes over a claim that stopped beating", async () => {
    const { planId, approved } = await approvedPlan([[12, "1"]]);
    const writesBefore = sceneUpdates(fixture.sim).length;
    await db().analysisPlan.update({
      where: { id: planId },
      data: { applyingJobId: "apply-elsewhere", applyingAt: new Date() },
    });

    expect(codeOf(await apply(planId).catch((e: unknown) => e))).toBe("PLAN_APPLYING");
    expect(sceneUpdates(fixture.sim).length).toBe(writesBefore);
    expect(await db().analysisChange.count({ where: { planId, status: "approved" } })).toBe(
      approved,
    );

    // On start: a claim older than a minute without a beat is a dead process's.
    expect(await recoverInterruptedApplies(db())).toEqual([]);
    expect(await recoverInterruptedApplies(db(), new Date(Date.now() + 61_000))).toEqual([planId]);
    expect(await claimOf(planId)).toEqual({ applyingJobId: null, applyingAt: null });

    await db().analysisPlan.update({
      where: { id: planId },
      data: { applyingJobId: "apply-dead", applyingAt: new Date(Date.now() - 61_000) },
    });
    expect(await apply(planId)).toMatchObject({ applied: approved, failed: 0 });
    expect(await claimOf(planId)).toEqual({ applyingJobId: null, applyingAt: null });
  });

  it("ends its claim and the sync lock whatever the apply throws", async () => {
    const { planId } = await approvedPlan([[14, "2"]]);
    const thrown = await withApplyGuard(planId, () => {
      throw new Error("Stash went away");
    }).catch((e: unknown) => e);

    expect((thrown as Error).message).toBe("Stash went away");
    expect(await claimOf(planId)).toEqual({ applyingJobId: null, applyingAt: null });
    expect(await lockRow()).toBeNull();
    expect((await syncNow(fixture.sim, { type: "incremental" })).status).toBe("completed");
  });

  it("refuses an unknown plan as not found", async () => {
    expect(codeOf(await apply(999_999).catch((e: unknown) => e))).toBe("NOT_FOUND");
  });
});
