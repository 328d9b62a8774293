import { beforeAll, describe, expect, it } from "vitest";
import { runAnalysisPlan } from "../../server/analysis/analysis-plan-runner";
import { countBulkReview } from "../../server/analysis/bulk-review-scope";
import { createAnalysisPlan } from "../../server/analysis/create-analysis-plan";
import { readPlanChanges, readScenePendingChanges } from "../../server/analysis/read-plan-changes";
import { reviewChange, reviewPlanChanges } from "../../server/analysis/review-changes";
import { db } from "../../server/db/client";
import { isAppError } from "../../server/errors";
import { createPerformer, createScene } from "../factories/library";

beforeAll(async () => {
  await createPerformer(db(), { name: "Jane Doe" });
});

let plans = 0;

/**
 * A plan with five changes over three scenes: (1) performer 1.0 and date 0.9, (2) performer
 * 0.8 and date 0.7, (3) title 0.7.
 */
async function reviewedPlan() {
  const n = ++plans;
  const scenes = [
    await createScene(db(), { date: null, path: `/p${n}/Jane Doe 2024-01-31.mp4` }),
    await createScene(db(), { date: null, path: `/p${n}/JaneDoe [2023].mp4` }),
    await createScene(db(), { title: null, path: `/p${n}/sunset.walk.mp4` }),
  ];
  const plan = await createAnalysisPlan({
    name: `Review ${n}`,
    analyzers: ["performers", "date", "title"],
    scope: { kind: "selection", sceneIds: scenes.map((s) => s.id) },
  });
  await runAnalysisPlan({ planId: plan.id });
  const changes = await db().analysisChange.findMany({
    where: { planId: plan.id },
    include: { result: { select: { sceneId: true } } },
    orderBy: { id: "asc" },
  });
  const change = (sceneIndex: number, field: string) =>
    changes.find((c) => c.result.sceneId === scenes[sceneIndex]!.id && c.field === field)!;
  return { plan, scenes, changes, change };
}

async function statuses(planId: number) {
  const rows = await db().analysisChange.findMany({
    where: { planId },
    orderBy: [{ confidence: "desc" }, { field: "asc" }],
  });
  return rows.map((row) => [row.field, row.confidence, row.status]);
}

describe("reviewing one change", () => {
  it("approves or rejects it, and lets a person change their mind", async () => {
    const { change } = await reviewedPlan();
    const date = change(0, "date");

    const approved = await reviewChange({ changeId: date.id, decision: "approve" });
    expect(approved).toMatchObject({
      id: date.id,
      field: "date",
      proposed: "2024-01-31",
      status: "approved",
    });
    expect(approved.reviewedAt).toBeInstanceOf(Date);
    expect((await reviewChange({ changeId: date.id, decision: "reject" })).status).toBe("rejected");
  });

  it("refuses a change already applied or failed, and an unknown one", async () => {
    const { change } = await reviewedPlan();
    const applied = change(0, "performers");
    await db().analysisChange.update({ where: { id: applied.id }, data: { status: "applied" } });

    const settled = await reviewChange({ changeId: applied.id, decision: "reject" }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(settled) && [settled.code, settled.details.status]).toEqual([
      "CHANGE_SETTLED",
      "applied",
    ]);
    const unknown = await reviewChange({ changeId: 424242, decision: "approve" }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(unknown) && unknown.code).toBe("NOT_FOUND");
  });
});

describe("reviewing a plan's changes at once", () => {
  it("approves every pending change of one field", async () => {
    const { plan } = await reviewedPlan();
    expect(
      await reviewPlanChanges({ planId: plan.id, decision: "approve", field: "performers" }),
    ).toEqual({ count: 2 });
    expect(await statuses(plan.id)).toEqual([
      ["performers", 1, "approved"],
      ["date", 0.9, "pending"],
      ["performers", 0.8, "approved"],
      ["date", 0.7, "pending"],
      ["title", 0.7, "pending"],
    ]);
  });

  it("approves every pending change at or above a confidence", async () => {
    const { plan } = await reviewedPlan();
    expect(
      await reviewPlanChanges({ planId: plan.id, decision: "approve", minConfidence: 0.8 }),
    ).toEqual({ count: 3 });
    expect(await statuses(plan.id)).toEqual([
      ["performers", 1, "approved"],
      ["date", 0.9, "approved"],
      ["performers", 0.8, "approved"],
      ["date", 0.7, "pending"],
      ["title", 0.7, "pending"],
    ]);
  });

  it("combines field and confidence, and leaves changes a person decided on alone", async () => {
    const { plan, change } = await reviewedPlan();
    await reviewChange({ changeId: change(0, "date").id, decision: "reject" });

    expect(
      await reviewPlanChanges({
        planId: plan.id,
        decision: "approve",
        field: "date",
        minConfidence: 0.5,
      }),
    ).toEqual({ count: 1 });
    expect(await reviewPlanChanges({ planId: plan.id, decision: "reject" })).toEqual({
      count: 3,
    });
    expect(await statuses(plan.id)).toEqual([
      ["performers", 1, "rejected"],
      ["date", 0.9, "rejected"],
      ["performers", 0.8, "rejected"],
      ["date", 0.7, "approved"],
      ["title", 0.7, "rejected"],
    ]);
  });

  it("counts the pending changes a decision would take, of all pending, before it is made", async () => {
    const { plan, change } = await reviewedPlan();
    await reviewChange({ changeId: change(0, "date").id, decision: "reject" });
    const planId = plan.id;

    expect(await countBulkReview({ planId })).toEqual({ matching: 4, pending: 4 });
    expect(await countBulkReview({ planId, field: "date" })).toEqual({ matching: 1, pending: 4 });
    expect(await countBulkReview({ planId, minConfidence: 0.8 })).toEqual({
      matching: 2,
      pending: 4,
    });
    expect(await countBulkReview({ planId, field: "date", minConfidence: 0.8 })).toEqual({
      matching: 0,
      pending: 4,
    });
    const { count } = await reviewPlanChanges({ planId, decision: "approve", minConfidence: 0.8 });
    expect(count).toBe(2);
    expect(await countBulkReview({ planId })).toEqual({ matching: 2, pending: 2 });
  });

  it("refuses an unknown plan and a confidence outside 0–1", async () => {
    const unknown = await reviewPlanChanges({ planId: 424242, decision: "approve" }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(unknown) && unknown.code).toBe("NOT_FOUND");
    await expect(
      reviewPlanChanges({ planId: 1, decision: "approve", minConfidence: 1.5 }),
    ).rejects.toThrow();
  });
});

describe("reading a plan's changes for review", () => {
  it("pages the plan's scenes, each with its changes and evidence", async () => {
    const { plan, scenes } = await reviewedPlan();
    const first = await readPlanChanges({ planId: plan.id, pageSize: 2 });
    expect([first.total, first.page, first.pageCount]).toEqual([3, 1, 2]);
    expect(first.scenes.map((s) => [s.sceneId, s.changes.map((c) => c.field)])).toEqual([
      [scenes[0]!.id, ["date", "performers"]],
      [scenes[1]!.id, ["date", "performers"]],
    ]);
    expect(first.scenes[0]!.changes[1]).toMatchObject({
      proposed: { name: "Jane Doe" },
      evidence: [{ source: "filename", text: "Jane Doe", start: 0, end: 8 }],
    });
    const second = await readPlanChanges({ planId: plan.id, pageSize: 2, page: 2 });
    expect(second.scenes.map((s) => [s.sceneId, s.title])).toEqual([[scenes[2]!.id, null]]);
  });

  it("gives each change's evidence the scene's text it points into, details with and without markup", async () => {
    const scene = await createScene(db(), {
      path: "/review/clip.mp4",
      details: "<p>A walk with <b>Jane Doe</b> by the sea.</p>",
    });
    const plan = await createAnalysisPlan({
      name: "Evidence",
      analyzers: ["performers", "details"],
      scope: { kind: "scene", sceneId: scene.id },
    });
    await runAnalysisPlan({ planId: plan.id });
    const [read] = (await readPlanChanges({ planId: plan.id })).scenes;
    const shown = read!.changes.flatMap((change) =>
      change.evidence.map((evidence) => {
        const context = read!.texts.find((t) => t.source === evidence.source)?.text;
        return [change.field, evidence.text, context?.slice(evidence.start, evidence.end)];
      }),
    );
    expect(shown).toEqual([
      ["details", "<p>", "<p>"],
      ["performers", "Jane Doe", "Jane Doe"],
    ]);
  });

  it("filters by field, status and confidence", async () => {
    const { plan, change } = await reviewedPlan();
    await reviewChange({ changeId: change(1, "date").id, decision: "approve" });
    const fields = async (filters: object) =>
      (await readPlanChanges({ planId: plan.id, ...filters })).scenes.map((s) =>
        s.changes.map((c) => c.field),
      );

    expect(await fields({ field: "date" })).toEqual([["date"], ["date"]]);
    expect(await fields({ status: "approved" })).toEqual([["date"]]);
    expect(await fields({ minConfidence: 0.85 })).toEqual([["date", "performers"]]);
  });

  it("gives a scene's pending proposals for its page", async () => {
    const { scenes, change } = await reviewedPlan();
    await reviewChange({ changeId: change(0, "date").id, decision: "reject" });
    const pending = await readScenePendingChanges({ sceneId: scenes[0]!.id });
    expect(pending.map((c) => [c.field, c.status])).toEqual([["performers", "pending"]]);
  });
});
