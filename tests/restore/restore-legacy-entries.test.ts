/**
 * History entries written before changed_fields kept Stash ids name their links only: a restore
 * matches such names against the library when each names exactly one performer, tag or studio,
 * and refuses the field, saying why, when a name is ambiguous.
 */
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { withRestoreFixture } from "./helpers/restore-fixture";

const fixture = withRestoreFixture({ scenes: 20, seed: 17 });

/** The entry as an older stash-sync wrote it: the same changes, without ids. */
async function withoutIds(logId: number) {
  const row = await fixture.logRow(logId);
  const changes = JSON.parse(row.changedFields!) as Record<string, Record<string, unknown>>;
  for (const change of Object.values(changes)) delete change.ids;
  await db().syncLog.update({
    where: { id: logId },
    data: { changedFields: JSON.stringify(changes) },
  });
}

describe("restoring an entry recorded by names only", () => {
  it("finds each link by its unique name and restores it", async () => {
    const before = fixture.sim.scene(2)!;
    const [removed, ...kept] = before.tags;
    const logId = await fixture.editInStash(2, { tag_ids: kept.map((t) => t.id) });
    await withoutIds(logId);

    const result = await fixture.api.restore.restoreEntry.mutate({ sceneId: "2", logId });

    expect(result.fields).toEqual([expect.objectContaining({ field: "tags", status: "restored" })]);
    expect(
      fixture.sim
        .scene(2)!
        .tags.map((t) => t.id)
        .sort(),
    ).toEqual([...kept.map((t) => t.id), removed!.id].sort());
  });

  it("refuses a field whose name now belongs to two performers, restoring the rest", async () => {
    const before = fixture.sim.scene(3)!;
    const [removed, ...kept] = before.performers;
    const logId = await fixture.editInStash(3, {
      title: "Wrong",
      performer_ids: kept.map((p) => p.id),
    });
    await withoutIds(logId);
    const namesake = await db().performer.findUniqueOrThrow({ where: { id: removed!.id } });
    await db().performer.create({ data: { ...namesake, id: "99999" } });

    const result = await fixture.api.restore.restoreEntry.mutate({ sceneId: "3", logId });

    expect(result.fields.map((f) => [f.field, f.status])).toEqual([
      ["title", "restored"],
      ["performers", "failed"],
    ]);
    expect(result.fields[1]!.error).toContain("by name only");
    expect(fixture.sim.scene(3)!.performers.map((p) => p.id)).toEqual(kept.map((p) => p.id));
  });
});
