/**
 * No blind overwrite: when Stash no longer holds the value an entry changed a field to, a restore
 * is refused with a typed conflict naming what Stash has and what restoring sets; it goes
 * through once the caller names Stash's current value as the one it expects to replace.
 */
import { describe, expect, it } from "vitest";
import { expectApiError } from "../api/helpers/api-error";
import { withRestoreFixture } from "./helpers/restore-fixture";

const fixture = withRestoreFixture({ scenes: 20, seed: 12 });

describe("a restore over a newer edit in Stash", () => {
  it("is refused with a 409 conflict naming both values, then confirmed with the expected value", async () => {
    const original = fixture.sim.scene(3)!.title;
    const logId = await fixture.editInStash(3, { title: "B" });
    fixture.sim.updateScene(3, { title: "C, edited after the sync" });

    const refused = await expectApiError(
      fixture.api.restore.restoreEntry.mutate({ sceneId: "3", logId }),
      { code: "CONFLICT", httpStatus: 409, appCode: "RESTORE_CONFLICT" },
    );
    expect(refused.data?.details).toEqual({
      conflicts: [
        {
          field: "title",
          current: "C, edited after the sync",
          currentText: "“C, edited after the sync”",
          restoring: original,
          restoringText: `“${original}”`,
        },
      ],
    });
    expect(refused.message).toContain(
      `Stash now has “C, edited after the sync”; restoring sets “${original}”`,
    );
    expect(fixture.sim.scene(3)!.title).toBe("C, edited after the sync");

    const confirmed = await fixture.api.restore.restoreEntry.mutate({
      sceneId: "3",
      logId,
      expected: { title: "C, edited after the sync" },
    });
    expect(confirmed.fields).toEqual([expect.objectContaining({ status: "restored" })]);
    expect(fixture.sim.scene(3)!.title).toBe(original);
  });

  it("is refused when the expected value is not what Stash has, even without a conflict", async () => {
    const logId = await fixture.editInStash(4, { title: "B" });

    await expectApiError(
      fixture.api.restore.restoreEntry.mutate({
        sceneId: "4",
        logId,
        expected: { title: "what the program thought" },
      }),
      { code: "CONFLICT", httpStatus: 409, appCode: "RESTORE_CONFLICT" },
    );
    expect(fixture.sim.scene(4)!.title).toBe("B");
  });

  it("treats a link list as a conflict only when the entry's change is no longer in effect", async () => {
    const before = fixture.sim.scene(5)!;
    const [first, ...others] = before.tags.map((t) => t.id);
    const unrelated = ["1", "2", "3"].find((id) => !before.tags.some((t) => t.id === id))!;
    const logId = await fixture.editInStash(5, { tag_ids: others });
    // A later, unrelated tag does not undo the entry's change: no conflict, and it stays.
    fixture.sim.updateScene(5, { tag_ids: [...others, unrelated] });

    await fixture.api.restore.restoreEntry.mutate({ sceneId: "5", logId });
    expect(
      fixture.sim
        .scene(5)!
        .tags.map((t) => t.id)
        .sort(),
    ).toEqual([...others, unrelated, first!].sort());

    // Put back by hand in Stash: the entry's removal is no longer in effect.
    const again = await fixture.editInStash(5, { tag_ids: others });
    fixture.sim.updateScene(5, { tag_ids: [first!, ...others] });
    const refused = await expectApiError(
      fixture.api.restore.restoreEntry.mutate({ sceneId: "5", logId: again }),
      { code: "CONFLICT", httpStatus: 409, appCode: "RESTORE_CONFLICT" },
    );
    expect(refused.data?.details).toMatchObject({ conflicts: [{ field: "tags" }] });
  });

  it("answers the HTTP route's 409 as a JSON error with the conflicts", async () => {
    const logId = await fixture.editInStash(6, { details: "B" });
    fixture.sim.updateScene(6, { details: "C" });

    const response = await fetch(`${fixture.app.url}/api/scenes/6/restore`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ logId }),
    });

    expect(response.status).toBe(409);
    const body = (await response.json()) as {
      error: { code: string; details: { conflicts: { field: string; currentText: string }[] } };
    };
    expect(body.error.code).toBe("RESTORE_CONFLICT");
    expect(body.error.details.conflicts).toEqual([
      expect.objectContaining({ field: "details", currentText: "“C”" }),
    ]);
  });
});
