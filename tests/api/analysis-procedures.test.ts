import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { saveStashWriteAccess } from "../../server/restore/stash-write-access";
import { waitFor } from "../helpers/sync-run";
import { withRestoreFixture } from "../restore/helpers/restore-fixture";
import { expectApiError } from "./helpers/api-error";

/** A plan's whole life through the tRPC API, as a program other than the pages drives it. */
const fixture = withRestoreFixture({ scenes: 25, seed: 31 });

async function ran(planId: number) {
  await waitFor(
    async () => (await fixture.api.analysis.get.query({ planId })).status !== "running",
  );
  return fixture.api.analysis.get.query({ planId });
}

describe("analysis plans over HTTP", () => {
  it("create, run, list, review, bulk-review by confidence, apply: the scene ends in Stash", async () => {
    const { api, sim } = fixture;
    const performer = await db().performer.findFirstOrThrow({ orderBy: { id: "asc" } });
    sim.updateScene(4, {
      title: null,
      date: null,
      performer_ids: [],
      file: { path: `/media/2021-07-08 ${performer.name}.mp4` },
    });
    await api.sync.start.mutate({ type: "specific", sceneIds: ["4"] });
    await waitFor(async () => (await api.sync.running.query()) === null);

    const draft = await api.analysis.create.mutate({
      name: "Scene 4",
      analyzers: ["performers", "date", "title"],
      scope: { kind: "scene", sceneId: "4" },
    });
    expect(draft).toMatchObject({ status: "draft", name: "Scene 4" });
    await api.analysis.run.mutate({ planId: draft.id });
    const plan = await ran(draft.id);
    expect(plan).toMatchObject({ status: "completed", progress: { done: 1, total: 1 } });
    await expectApiError(api.analysis.run.mutate({ planId: draft.id }), {
      code: "CONFLICT",
      httpStatus: 409,
      appCode: "PLAN_ALREADY_RUN",
    });
    expect((await api.analysis.list.query({})).plans.map((p) => p.id)).toContain(draft.id);

    const page = await api.analysis.changes.query({ planId: draft.id });
    expect(page.scenes.map((s) => s.sceneId)).toEqual(["4"]);
    // Each piece of evidence points into the scene's texts, which the page shows around it.
    const texts = page.scenes[0]!.texts;
    expect(texts).toContainEqual({ source: "filename", text: `2021-07-08 ${performer.name}` });
    for (const evidence of page.scenes[0]!.changes.flatMap((c) => c.evidence)) {
      const source = texts.find((t) => t.source === evidence.source)!.text;
      expect(source.slice(evidence.start, evidence.end)).toBe(evidence.text);
    }
    const fields = page.scenes[0]!.changes.map((c) => c.field);
    expect(fields).toEqual(expect.arrayContaining(["date", "performers", "title"]));
    expect((await api.analysis.sceneProposals.query({ sceneId: "4" })).length).toBe(fields.length);

    const title = page.scenes[0]!.changes.find((c) => c.field === "title")!;
    await api.analysis.review.mutate({ changeId: title.id, decision: "reject" });
    const { count } = await api.analysis.bulkReview.mutate({
      planId: draft.id,
      decision: "approve",
      minConfidence: 0.8,
    });
    expect(count).toBe(fields.length - 1);

    expect(await api.analysis.changeCounts.query({ planId: draft.id })).toEqual({
      pending: 0,
      approved: count,
      rejected: 1,
      applied: 0,
      failed: 0,
    });
    const result = await api.analysis.applyPlan.mutate({ planId: draft.id });
    expect(result).toMatchObject({ scenesWritten: 1, applied: count, failed: 0 });
    expect(result.syncs).toEqual([{ jobId: expect.any(String), status: "completed" }]);
    expect(sim.scene(4)!.date).toBe("2021-07-08");
    expect(sim.scene(4)!.performers.map((p) => p.id)).toEqual([performer.id]);
    expect(sim.scene(4)!.title).toBeNull();

    const applied = result.changes[0]!;
    await expectApiError(
      api.analysis.review.mutate({ changeId: applied.changeId, decision: "reject" }),
      {
        code: "CONFLICT",
        httpStatus: 409,
        appCode: "CHANGE_SETTLED",
      },
    );
    expect(await api.analysis.cancel.mutate({ planId: draft.id })).toEqual({ cancelled: false });
    const timeline = await api.history.sceneTimeline.query({ sceneId: "4" });
    expect(timeline.analyses[0]!.changes.filter((c) => c.status === "applied")).toHaveLength(count);
  });

  it("refuses to apply while writes to Stash are off, and an unknown plan, with typed errors", async () => {
    const { api } = fixture;
    const plan = await api.analysis.create.mutate({
      name: "Nothing",
      analyzers: ["details"],
      scope: { kind: "scene", sceneId: "5" },
    });
    await saveStashWriteAccess({ allowed: false });
    try {
      await expectApiError(api.analysis.applyPlan.mutate({ planId: plan.id }), {
        code: "FORBIDDEN",
        httpStatus: 403,
        appCode: "WRITES_DISABLED",
      });
    } finally {
      await saveStashWriteAccess({ allowed: true });
    }
    await expectApiError(api.analysis.get.query({ planId: 987654 }), {
      code: "NOT_FOUND",
      httpStatus: 404,
      appCode: "NOT_FOUND",
    });
    await expectApiError(
      api.analysis.create.mutate({ name: "", analyzers: [], scope: { kind: "library" } }),
      { code: "BAD_REQUEST", httpStatus: 400, field: "name" },
    );
  });
});
