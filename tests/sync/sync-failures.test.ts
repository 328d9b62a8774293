import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { isAppError } from "../../server/errors";
import { cancelSync } from "../../server/sync/sync-service";
import { startStashSim, type StashSim } from "../../stash-sim";
import {
  expectCountersMatchLogs,
  logRows,
  runRow,
  startSyncAgainst,
  syncNow,
} from "../helpers/sync-run";

let sim: StashSim;
beforeAll(async () => {
  sim = await startStashSim({ scenes: 400, seed: 5 });
});
afterEach(() => sim.resetFaults());
afterAll(() => sim.close());

describe("when things go wrong", () => {
  it("fails only the malformed scene of a page; the run goes on and ends completed_with_errors", async () => {
    sim.corruptScene(7, "bad-date");
    const summary = await syncNow(sim, { type: "full" });
    expect(summary.status).toBe("completed_with_errors");
    const failed = (await logRows(summary.jobId)).filter((r) => r.changeType === "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]!.entityId).toBe("7");
    expect(failed[0]!.errorMessage).toMatch(/date/i);
    // Its page neighbours were written.
    expect(await db().scene.count({ where: { id: { in: ["6", "8"] } } })).toBe(2);
    expect(await db().scene.count({ where: { id: "7" } })).toBe(0);
    await expectCountersMatchLogs(summary.jobId);
    sim.corruptScene(7, null);
  });

  it("keeps a scene whose record lists a tag twice, linked to that tag once, created and changed", async () => {
    await syncNow(sim, { type: "full" });
    const added = sim.addScene({ title: "Listed twice", tag_ids: ["3", "5"] });
    sim.corruptScene(Number(added.id), "repeated-tag", true);
    expect(sim.scene(Number(added.id))?.tags.map((t) => t.id)).toEqual(["3", "5", "3"]);
    const linked = async () =>
      (await db().sceneTag.findMany({ where: { sceneId: added.id } })).map((t) => t.tagId).sort();
    const outcome = async (jobId: string) =>
      (await logRows(jobId)).find((r) => r.entityId === added.id)?.changeType;

    const first = await syncNow(sim, { type: "incremental" });
    expect(await outcome(first.jobId)).toBe("created");
    expect(await linked()).toEqual(["3", "5"]);

    sim.updateScene(Number(added.id), { title: "Listed twice, stored once" });
    const again = await syncNow(sim, { type: "incremental" });
    expect(await outcome(again.jobId)).toBe("updated");
    expect(await linked()).toEqual(["3", "5"]);
    sim.corruptScene(Number(added.id), null);
  });

  it("fails the run with a message a person understands when the API key is wrong", async () => {
    sim.setApiKey("the-right-key");
    const summary = await syncNow(
      sim,
      { type: "incremental" },
      { stash: { url: sim.url, apiKey: "wrong-key-123" } },
    );
    expect(summary.status).toBe("failed");
    expect(summary.errorMessage).toMatch(/API key/i);
    expect(summary.errorMessage).not.toContain("wrong-key-123");
    expect((await runRow(summary.jobId)).status).toBe("failed");
    sim.setApiKey(null);
  });

  it("fails the run naming the address when Stash cannot be reached", async () => {
    const url = "http://127.0.0.1:9/graphql";
    const summary = await syncNow(sim, { type: "full" }, { stash: { url } });
    expect(summary.status).toBe("failed");
    expect(summary.errorMessage).toContain("127.0.0.1:9");
    const nullRow = (await logRows(summary.jobId)).find(
      (r) => r.entityType === "scene" && r.entityId === null,
    )!;
    expect(nullRow.changeType).toBe("failed");
  });

  it("refuses a second sync while one runs, naming the running job", async () => {
    sim.setLatency(30);
    const first = await startSyncAgainst(sim, { type: "full" });
    try {
      await startSyncAgainst(sim, { type: "incremental" });
      expect.fail("the second sync should have been refused");
    } catch (error) {
      expect(isAppError(error) && error.code).toBe("SYNC_ALREADY_RUNNING");
      expect(isAppError(error) && error.details.jobId).toBe(first.jobId);
    }
    await cancelSync(first.jobId);
    await first.done;
  });
});
