import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { isAppError } from "../../server/errors";
import { readSceneTimelineSources } from "../../server/history/read-scene-timeline-sources";
import { createScene } from "../factories/library";
import { at } from "./sync-log-factory";

describe("a scene's other timeline events", () => {
  it("gives Stash's created_at verbatim and the analyses newest first, numbered from the first", async () => {
    const scene = await createScene(db());
    const plan = await db().analysisPlan.create({ data: { name: "Tag suggestions" } });
    for (const minute of [5, 1, 9]) {
      await db().analysisResult.create({
        data: { planId: plan.id, sceneId: scene.id, createdAt: at(minute) },
      });
    }

    const sources = await readSceneTimelineSources({ sceneId: scene.id });

    expect(sources.stashCreatedAt).toBe(scene.stashCreatedAt);
    expect(sources.analyses.map((a) => [a.number, a.createdAt, a.planName])).toEqual([
      [3, at(9), "Tag suggestions"],
      [2, at(5), "Tag suggestions"],
      [1, at(1), "Tag suggestions"],
    ]);
  });

  it("gives each analysis its plan and the changes it proposed, with their review", async () => {
    const scene = await createScene(db());
    const plan = await db().analysisPlan.create({ data: { name: "Dates" } });
    const result = await db().analysisResult.create({
      data: { planId: plan.id, sceneId: scene.id, createdAt: at(2) },
    });
    await db().analysisChange.create({
      data: {
        resultId: result.id,
        planId: plan.id,
        field: "date",
        action: "set",
        proposed: JSON.stringify("2024-01-31"),
        confidence: 0.9,
        evidence: JSON.stringify([{ source: "filename", text: "2024.01.31", start: 0, end: 10 }]),
        status: "rejected",
      },
    });

    const [analysis] = (await readSceneTimelineSources({ sceneId: scene.id })).analyses;

    expect(analysis).toMatchObject({
      planId: plan.id,
      planName: "Dates",
      changes: [
        {
          sceneId: scene.id,
          field: "date",
          action: "set",
          current: null,
          proposed: "2024-01-31",
          status: "rejected",
          appliedLogId: null,
        },
      ],
    });
  });

  it("refuses an unknown scene with NOT_FOUND", async () => {
    const error = await readSceneTimelineSources({ sceneId: "424242" }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("NOT_FOUND");
  });
});
