import { describe, expect, it } from "vitest";
import {
  cancelAnalysisPlan,
  runAnalysisPlan,
  startAnalysisPlan,
} from "../../server/analysis/analysis-plan-runner";
import { createAnalysisPlan } from "../../server/analysis/create-analysis-plan";
import type { CreatePlanInput } from "../../server/analysis/plan-schema";
import { readAnalysisPlan } from "../../server/analysis/read-analysis-plan";
import { db } from "../../server/db/client";
import { sql, toStatement } from "../../server/db/sql-dialect";
import { isAppError } from "../../server/errors";
import { readSceneTimelineSources } from "../../server/history/read-scene-timeline-sources";
import { createPerformer, createScene, createStudio, createTag } from "../factories/library";
import { writeFromAnotherConnection } from "../helpers/other-connection";

const allAnalyzers: CreatePlanInput["analyzers"] = [
  "performers",
  "studio",
  "tags",
  "date",
  "title",
  "details",
];

async function plan(overrides: Partial<CreatePlanInput> = {}) {
  return createAnalysisPlan({
    name: "Metadata check",
    analyzers: allAnalyzers,
    scope: { kind: "library" },
    ...overrides,
  });
}

async function changesOf(planId: number) {
  const rows = await db().analysisChange.findMany({
    where: { planId },
    orderBy: [{ resultId: "asc" }, { field: "asc" }],
    include: { result: { select: { sceneId: true } } },
  });
  return rows.map((row) => ({
    sceneId: row.result.sceneId,
    field: row.field,
    action: row.action,
    current: row.current === null ? null : (JSON.parse(row.current) as unknown),
    proposed: JSON.parse(row.proposed) as unknown,
    confidence: row.confidence,
    evidence: JSON.parse(row.evidence) as unknown,
    status: row.status,
  }));
}

let batches = 0;

/** Scenes that each get one proposal (a date from the file name), with paths of their own. */
async function datedScenes(count: number) {
  const batch = ++batches;
  const scenes = [];
  for (let i = 0; i < count; i++) {
    const path = `/v/batch${batch}-${i} 2024-01-${10 + i}.mp4`;
    scenes.push(await createScene(db(), { date: null, path }));
  }
  return scenes;
}

describe("running an analysis plan over the mirror", () => {
  it("records a result per scene with proposals and a pending change per proposal, with evidence", async () => {
    const studio = await createStudio(db(), { name: "Sunset Studio" });
    const jane = await createPerformer(db(), { name: "Jane Doe" });
    const beach = await createTag(db(), { name: "Beach" });
    const found = await createScene(db(), {
      title: null,
      date: null,
      details: "<p>Day one</p>",
      path: "/videos/Sunset Studio/2024-01-31 Jane Doe beach.mp4",
    });
    const complete = await createScene(db(), {
      title: "Plain",
      date: "2024",
      path: "/videos/plain.mp4",
    });

    const created = await plan();
    const ended = await runAnalysisPlan({ planId: created.id });

    expect(ended).toMatchObject({
      status: "completed",
      errorMessage: null,
      progress: { done: 2, total: 2 },
      scenesWithChanges: 1,
      changesProposed: 6,
    });
    expect(ended.startedAt).toBeInstanceOf(Date);
    expect(ended.completedAt).toBeInstanceOf(Date);
    expect(await changesOf(created.id)).toEqual([
      {
        sceneId: found.id,
        field: "date",
        action: "set",
        current: null,
        proposed: "2024-01-31",
        confidence: 0.9,
        evidence: [{ source: "filename", text: "2024-01-31", start: 0, end: 10 }],
        status: "pending",
      },
      expect.objectContaining({
        field: "details",
        current: "<p>Day one</p>",
        proposed: "Day one",
      }),
      {
        sceneId: found.id,
        field: "performers",
        action: "add",
        current: null,
        proposed: { id: jane.id, name: "Jane Doe" },
        confidence: 1,
        evidence: [{ source: "filename", text: "Jane Doe", start: 11, end: 19 }],
        status: "pending",
      },
      expect.objectContaining({
        field: "studio",
        action: "set",
        current: null,
        proposed: { id: studio.id, name: "Sunset Studio" },
        evidence: [{ source: "path", text: "Sunset Studio", start: 8, end: 21 }],
      }),
      expect.objectContaining({ field: "tags", proposed: { id: beach.id, name: "Beach" } }),
      expect.objectContaining({ field: "title", proposed: "Jane Doe beach" }),
    ]);
    const results = await db().analysisResult.findMany({ where: { planId: created.id } });
    expect(results.map((r) => r.sceneId)).toEqual([found.id]);
    expect(results.map((r) => r.sceneId)).not.toContain(complete.id);
  });

  it("shows on the scene's timeline as Analysis #1 of the plan", async () => {
    const [scene] = await datedScenes(1);
    const created = await plan({ name: "Dates", analyzers: ["date"] });
    await runAnalysisPlan({ planId: created.id });

    const sources = await readSceneTimelineSources({ sceneId: scene!.id });
    expect(sources.analyses.map((a) => [a.number, a.planName])).toEqual([[1, "Dates"]]);
  });

  it("runs only the analyzers chosen", async () => {
    await createPerformer(db(), { name: "Kim Lee" });
    const scene = await createScene(db(), { date: null, path: "/v/Kim Lee 2024-03-03.mp4" });
    const created = await plan({
      analyzers: ["date"],
      scope: { kind: "scene", sceneId: scene.id },
    });
    await runAnalysisPlan({ planId: created.id });
    expect((await changesOf(created.id)).map((c) => c.field)).toEqual(["date"]);
  });

  it("reads only the scenes in its scope: one scene, a selection, or the scene list's filter", async () => {
    const studio = await createStudio(db());
    const [a, b, c] = await datedScenes(3);
    await db().scene.update({ where: { id: b!.id }, data: { studioId: studio.id } });
    await db().scene.update({ where: { id: c!.id }, data: { removedAt: new Date() } });
    const scenesOf = async (scope: CreatePlanInput["scope"]) => {
      const created = await plan({ analyzers: ["date"], scope });
      const ended = await runAnalysisPlan({ planId: created.id });
      const ids = [...new Set((await changesOf(created.id)).map((change) => change.sceneId))];
      return { ids, total: ended.progress.total };
    };

    expect(await scenesOf({ kind: "scene", sceneId: a!.id })).toEqual({ ids: [a!.id], total: 1 });
    // A scene removed from Stash is not analysed, even when selected.
    expect(await scenesOf({ kind: "selection", sceneIds: [b!.id, c!.id, b!.id] })).toEqual({
      ids: [b!.id],
      total: 1,
    });
    expect(await scenesOf({ kind: "filter", filter: { studioId: studio.id } })).toEqual({
      ids: [b!.id],
      total: 1,
    });
    const files = await db().sceneFile.findFirstOrThrow({ where: { sceneId: a!.id } });
    expect(await scenesOf({ kind: "filter", filter: { search: files.basename } })).toEqual({
      ids: [a!.id],
      total: 1,
    });
  });

  it("reports its progress after every batch, in the plan's row too", async () => {
    const scenes = await datedScenes(5);
    const created = await plan({ analyzers: ["date"], scope: selection(scenes) });
    const seen: number[][] = [];
    const ended = await runAnalysisPlan(
      { planId: created.id },
      {
        batchSize: 2,
        onProgress: (progress) => {
          seen.push([progress.done, progress.total, progress.changesProposed]);
        },
      },
    );
    expect(seen).toEqual([
      [2, 5, 2],
      [4, 5, 4],
      [5, 5, 5],
    ]);
    expect(ended.progress).toEqual({ done: 5, total: 5 });
    const row = await db().analysisPlan.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.progressDone, row.progressTotal, row.changesProposed]).toEqual([5, 5, 5]);
  });

  it("stops after the batch it is on when cancelled, keeping what it recorded", async () => {
    const scenes = await datedScenes(6);
    const created = await plan({ analyzers: ["date"], scope: selection(scenes) });
    const ended = await runAnalysisPlan(
      { planId: created.id },
      {
        batchSize: 2,
        onProgress: (progress) => {
          if (progress.done === 2) void cancelAnalysisPlan({ planId: created.id });
        },
      },
    );
    expect(ended).toMatchObject({
      status: "cancelled",
      errorMessage: "Cancelled on request. Proposals recorded before that are kept.",
      progress: { done: 2, total: 6 },
      changesProposed: 2,
    });
    expect(await db().analysisResult.count({ where: { planId: created.id } })).toBe(2);
  });

  it("stops on a cancel request another process wrote on the plan's row", async () => {
    const scenes = await datedScenes(6);
    const created = await plan({ analyzers: ["date"], scope: selection(scenes) });
    const ended = await runAnalysisPlan(
      { planId: created.id },
      {
        batchSize: 2,
        onProgress: async (progress) => {
          if (progress.done === 2) {
            await writeFromAnotherConnection(
              toStatement(sql`UPDATE "analysis_plan" SET "cancel_requested_at" = ${new Date()}
                WHERE "id" = ${created.id}`),
            );
          }
        },
      },
    );
    expect(ended).toMatchObject({ status: "cancelled", progress: { done: 4, total: 6 } });
  });

  it("runs once: a second run is refused, and an unknown plan is not found", async () => {
    const created = await plan({ analyzers: ["date"], scope: selection(await datedScenes(1)) });
    await runAnalysisPlan({ planId: created.id });

    const again = await startAnalysisPlan({ planId: created.id }).catch((e: unknown) => e);
    expect(isAppError(again) && [again.code, again.details.status]).toEqual([
      "PLAN_ALREADY_RUN",
      "completed",
    ]);
    const unknown = await startAnalysisPlan({ planId: 424242 }).catch((e: unknown) => e);
    expect(isAppError(unknown) && unknown.code).toBe("NOT_FOUND");
  });

  it("marks a plan whose process died as interrupted, never leaving it running", async () => {
    const dead = await plan({ analyzers: ["date"] });
    const lastBeat = new Date(Date.now() - 5 * 60_000);
    await db().analysisPlan.update({
      where: { id: dead.id },
      data: { status: "running", startedAt: lastBeat, heartbeatAt: lastBeat },
    });

    expect(await cancelAnalysisPlan({ planId: dead.id })).toBe(false);
    expect(await readAnalysisPlan({ planId: dead.id })).toMatchObject({
      status: "interrupted",
      completedAt: lastBeat,
    });
  });

  it("leaves a live plan of another process running", async () => {
    const live = await plan({ analyzers: ["date"] });
    const now = new Date();
    await db().analysisPlan.update({
      where: { id: live.id },
      data: { status: "running", startedAt: now, heartbeatAt: now },
    });
    const other = await plan({ analyzers: ["date"], scope: selection(await datedScenes(1)) });
    await runAnalysisPlan({ planId: other.id });

    expect(await cancelAnalysisPlan({ planId: live.id })).toBe(true);
    const row = await db().analysisPlan.findUniqueOrThrow({ where: { id: live.id } });
    expect(row.status).toBe("running");
    expect(row.cancelRequestedAt).toBeInstanceOf(Date);
  });

  it("refuses a plan without a name, without analyzers, or with one twice", async () => {
    for (const bad of [
      { name: " " },
      { analyzers: [] },
      { analyzers: ["date", "date"] as CreatePlanInput["analyzers"] },
      { scope: { kind: "selection", sceneIds: [] } as CreatePlanInput["scope"] },
    ]) {
      await expect(plan(bad)).rejects.toThrow();
    }
  });

  it("ends as failed, with a message a person can read, when writing its results fails", async () => {
    const created = await plan({ analyzers: ["date"], scope: selection(await datedScenes(1)) });
    await db().$executeRawUnsafe(`ALTER TABLE "analysis_change" RENAME TO "analysis_change_away"`);
    try {
      const ended = await runAnalysisPlan({ planId: created.id });
      expect(ended).toMatchObject({
        status: "failed",
        errorMessage: "The plan stopped on an unexpected error; the server log has the details.",
      });
      // The batch's transaction rolled back: no result without its changes.
      expect(await db().analysisResult.count({ where: { planId: created.id } })).toBe(0);
    } finally {
      await db().$executeRawUnsafe(
        `ALTER TABLE "analysis_change_away" RENAME TO "analysis_change"`,
      );
    }
  });
});

describe("an analysis plan's batches", () => {
  it("fail the plan at the first write that fails, while the next batch is analysed, and write none after", async () => {
    const created = await plan({ analyzers: ["date"], scope: selection(await datedScenes(6)) });
    await db().$executeRawUnsafe(`ALTER TABLE "analysis_change" RENAME TO "analysis_change_away"`);
    try {
      const seen: number[] = [];
      const ended = await runAnalysisPlan(
        { planId: created.id },
        { batchSize: 2, onProgress: (progress) => void seen.push(progress.done) },
      );
      expect(ended).toMatchObject({ status: "failed", progress: { done: 0, total: 6 } });
      expect(seen).toEqual([]);
      expect(await db().analysisResult.count({ where: { planId: created.id } })).toBe(0);
    } finally {
      await db().$executeRawUnsafe(
        `ALTER TABLE "analysis_change_away" RENAME TO "analysis_change"`,
      );
    }
  });
});

function selection(scenes: { id: string }[]): CreatePlanInput["scope"] {
  return { kind: "selection", sceneIds: scenes.map((scene) => scene.id) };
}
