import { describe, expect, it } from "vitest";
import { applyAnalysisPlan } from "../../server/analysis/apply-analysis-plan";
import { rememberSecret } from "../../server/auth/redact-secrets";
import { reviewChange, reviewPlanChanges } from "../../server/analysis/review-changes";
import { db } from "../../server/db/client";
import { isAppError } from "../../server/errors";
import { readSceneTimelineSources } from "../../server/history/read-scene-timeline-sources";
import { saveStashWriteAccess } from "../../server/restore/stash-write-access";
import { logRows, syncNow } from "../helpers/sync-run";
import { withRestoreFixture } from "../restore/helpers/restore-fixture";
import { planOver, plantPathFacts, sceneUpdates as sceneUpdatesOf } from "./helpers/planted-plan";

const fixture = withRestoreFixture({ scenes: 30, seed: 21 });
const server = { credential: null, door: "trpc" } as const;
const options = () => ({ stash: { url: fixture.sim.url, apiKey: null } });

const sceneUpdates = () => sceneUpdatesOf(fixture.sim);
const plantFacts = (sceneId: number, performerId: string, nthStudio: number) =>
  plantPathFacts(fixture.sim, sceneId, performerId, nthStudio);

describe("applying a plan", () => {
  it("writes each scene's approved changes in one sceneUpdate, then one sync records them all", async () => {
    const seven = await plantFacts(7, "3", 0);
    const eight = await plantFacts(8, "4", 1);
    const planId = await planOver(fixture.sim, ["7", "8"]);
    await reviewPlanChanges({ planId, decision: "approve" });
    // Scene 8's title was edited in Stash after the plan read the mirror: a conflict.
    fixture.sim.updateScene(8, { title: "Named in Stash" });
    const writesBefore = sceneUpdates().length;

    const result = await applyAnalysisPlan({ planId }, server, options());

    expect(sceneUpdates().length - writesBefore).toBe(2);
    expect(result).toMatchObject({ planId, scenesWritten: 2, failed: 1 });
    expect(result.syncs).toEqual([{ jobId: expect.any(String), status: "completed" }]);
    const stashSeven = fixture.sim.scene(7)!;
    expect(stashSeven.performers.map((p) => p.id)).toEqual(["3"]);
    expect(stashSeven.studio?.id).toBe(seven.studio.id);
    expect(stashSeven.date).toBe("2023-05-06");
    expect(stashSeven.title).toBe(seven.performer.name);
    const stashEight = fixture.sim.scene(8)!;
    expect(stashEight.title).toBe("Named in Stash");
    expect(stashEight.performers.map((p) => p.id)).toEqual(["4"]);
    expect(stashEight.studio?.id).toBe(eight.studio.id);

    const changes = await db().analysisChange.findMany({
      where: { planId },
      include: { result: true },
      orderBy: { id: "asc" },
    });
    const failed = changes.filter((c) => c.status === "failed");
    expect(failed.map((c) => [c.result.sceneId, c.field, c.failureReason])).toEqual([
      ["8", "title", "Conflict: Stash now has title “Named in Stash”; the plan saw (empty)."],
    ]);
    expect(changes.filter((c) => c.status === "applied")).toHaveLength(changes.length - 1);

    const jobId = result.syncs[0]!.jobId!;
    const logs = await logRows(jobId);
    expect(logs.map((l) => [l.entityId, l.syncType, l.changeType])).toEqual([
      ["7", "specific", "updated"],
      ["8", "specific", "updated"],
    ]);
    expect(Object.keys(JSON.parse(logs[0]!.changedFields!) as object).sort()).toEqual([
      "date",
      "performers",
      "studio",
      "title",
    ]);
    const logOf = new Map(logs.map((l) => [l.entityId, l.id]));
    for (const change of changes.filter((c) => c.status === "applied")) {
      expect(change).toMatchObject({
        appliedJobId: jobId,
        appliedLogId: logOf.get(change.result.sceneId),
      });
    }

    // The timeline's "Analysis #1" is the plan's real result, linked to the sync that applied it.
    const [analysis] = (await readSceneTimelineSources({ sceneId: "7" })).analyses;
    expect(analysis).toMatchObject({ number: 1, planId, planName: "From paths" });
    expect(
      analysis!.changes.map((c) => [c.field, c.status, c.appliedJobId, c.appliedLogId]),
    ).toEqual(
      ["date", "performers", "studio", "title"].map((f) => [f, "applied", jobId, logOf.get("7")]),
    );
    const [eightAnalysis] = (await readSceneTimelineSources({ sceneId: "8" })).analyses;
    expect(eightAnalysis!.changes.find((c) => c.field === "title")).toMatchObject({
      status: "failed",
      proposed: eight.performer.name,
      appliedLogId: null,
    });
  });

  it("refuses the whole apply while writes to Stash are off, and keeps the approvals", async () => {
    await plantFacts(11, "6", 2);
    const planId = await planOver(fixture.sim, ["11"]);
    const [first] = await db().analysisChange.findMany({ where: { planId } });
    await reviewChange({ changeId: first!.id, decision: "approve" });
    const writesBefore = sceneUpdates().length;
    await saveStashWriteAccess({ allowed: false });
    try {
      const refused = await applyAnalysisPlan({ planId }, server, options()).catch((e) => e);
      expect(isAppError(refused) && refused.code).toBe("WRITES_DISABLED");
    } finally {
      await saveStashWriteAccess({ allowed: true });
    }
    expect(sceneUpdates().length).toBe(writesBefore);
    expect((await db().analysisChange.findUniqueOrThrow({ where: { id: first!.id } })).status).toBe(
      "approved",
    );
  });

  it("fails a change whose performer Stash no longer has, and writes the scene's others", async () => {
    const added = fixture.sim.addPerformer({ name: "Quillon Vardell" });
    await syncNow(fixture.sim, { type: "full" });
    fixture.sim.updateScene(12, {
      title: null,
      date: null,
      performer_ids: [],
      file: { path: `/data/2022-02-03 Quillon Vardell.mp4` },
    });
    const planId = await planOver(fixture.sim, ["12"]);
    await reviewPlanChanges({ planId, decision: "approve" });
    fixture.sim.removePerformer(Number(added.id));

    const result = await applyAnalysisPlan({ planId }, server, options());

    const performer = result.changes.find((c) => c.field === "performers");
    expect(performer).toMatchObject({
      status: "failed",
      reason: `Stash no longer has performer “Quillon Vardell” (id ${added.id}).`,
    });
    expect(result.changes.filter((c) => c.field !== "performers")).not.toHaveLength(0);
    expect(
      result.changes.filter((c) => c.field !== "performers").every((c) => c.status === "applied"),
    ).toBe(true);
    expect(fixture.sim.scene(12)!.date).toBe("2022-02-03");
  });

  it("stores a refused write's reason with secrets redacted", async () => {
    await plantFacts(14, "5", 0);
    const planId = await planOver(fixture.sim, ["14"]);
    await reviewPlanChanges({ planId, decision: "approve" });
    const saved = "saved-api-key-4f1c";
    rememberSecret(saved);
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdGFzaCJ9.c2lnbmF0dXJl";
    // Stash's own words come back in its error: they must not carry a key into the database.
    fixture.sim.rejectNextWrites(1, `database is locked (ApiKey: ${jwt}, key ${saved})`);
    const result = await applyAnalysisPlan({ planId }, server, options());
    expect(result.changes.every((c) => c.status === "failed")).toBe(true);
    const reasons = await db().analysisChange.findMany({
      where: { planId },
      select: { failureReason: true },
    });
    const stored = reasons.map((r) => r.failureReason ?? "").join("\n");
    expect(stored).toContain("[redacted]");
    expect(stored).not.toContain(saved);
    expect(stored).not.toContain(jwt);
  });
});
