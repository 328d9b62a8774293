import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as sceneHistoryRoute } from "../../app/api/export/scenes/[id]/history/route";
import { GET as runRowsRoute } from "../../app/api/export/syncs/[jobId]/rows/route";
import { db } from "../../server/db/client";
import { exportRunRows } from "../../server/export/export-run-rows";
import { exportSceneHistory, sceneHistoryColumns } from "../../server/export/export-scene-history";
import { readSceneSyncLogs } from "../../server/history/read-scene-sync-logs";
import { readSyncRunEntries } from "../../server/sync/read-sync-runs";
import { createScene, createSyncRun } from "../factories/library";
import { at, createSyncLog } from "../history/sync-log-factory";

let sceneId: string;
let jobId: string;

/** Text that needs CSV quoting: commas, quotes, a line break, non-ASCII. */
const awkward = 'Stash said: "bad date", line 1\nline 2 — ünïcode';

beforeAll(async () => {
  sceneId = (await createScene(db())).id;
  const full = await createSyncRun(db(), { syncType: "full" });
  const incremental = await createSyncRun(db(), { syncType: "incremental" });
  jobId = incremental.jobId;
  await createSyncLog(db(), full, { entityId: null, createdAt: at(0), changeType: "updated" });
  // More rows than one page of the history query (500), so paging is exercised.
  for (let i = 1; i <= 520; i++) {
    await createSyncLog(db(), incremental, {
      entityId: sceneId,
      createdAt: at(i),
      changeType: i % 7 === 0 ? "failed" : i % 5 === 0 ? "updated" : "skipped",
      errorMessage: i % 7 === 0 ? awkward : undefined,
      changedFields: i % 5 === 0 ? { title: { from: `T${i}`, to: `T${i + 1}` } } : undefined,
    });
  }
  await createSyncLog(db(), incremental, { entityId: "999999", createdAt: at(600) });
}, 60_000);

/** The scene's history as the history query answers it, flattened the way exports are. */
async function expectedSceneRows() {
  const items = [];
  let cursor: string | undefined;
  do {
    const page = await readSceneSyncLogs({ sceneId, limit: 500, cursor });
    items.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return items.map((item) => ({
    id: String(item.id),
    created_at: item.created_at.toISOString(),
    sync_type: item.sync_type,
    change_type: item.change_type ?? "",
    had_changes: String(item.had_changes),
    error_message: item.error_message ?? "",
    entity_id: item.entity_id ?? "",
    job_id: item.sync_history.job_id,
    run_status: item.sync_history.status,
    changed_fields: item.changed_fields ? JSON.stringify(item.changed_fields) : "",
  }));
}

describe("exports", () => {
  it("a scene's history as CSV parses back to its rows, quoting and all", async () => {
    const file = await exportSceneHistory(sceneId, "csv");
    expect(file.filename).toBe(`scene-${sceneId}-history.csv`);
    const parsed = parse(file.body, { columns: true }) as Array<Record<string, string>>;
    const expected = await expectedSceneRows();
    expect(expected).toHaveLength(521);
    expect(parsed).toEqual(expected);
    expect(Object.keys(parsed[0]!)).toEqual([...sceneHistoryColumns]);
    expect(parsed.some((row) => row.error_message === awkward)).toBe(true);
  });

  it("a scene's history as JSON parses back to its rows", async () => {
    const rows = JSON.parse((await exportSceneHistory(sceneId, "json")).body) as Array<
      Record<string, unknown>
    >;
    const expected = await expectedSceneRows();
    expect(rows.map((r) => r.id)).toEqual(expected.map((r) => Number(r.id)));
    expect(rows.find((r) => r.change_type === "failed")?.error_message).toBe(awkward);
  });

  it("a run's rows as CSV and JSON parse back to the run's entries", async () => {
    const { items } = await readSyncRunEntries({ jobId, limit: 500 });
    const all = [
      ...items,
      ...(await readSyncRunEntries({ jobId, limit: 500, cursor: items.at(-1)!.id })).items,
    ];
    const csv = parse((await exportRunRows(jobId, "csv")).body, { columns: true }) as Array<
      Record<string, string>
    >;
    expect(csv.map((r) => [r.id, r.entity_id, r.change_type, r.error_message])).toEqual(
      all.map((e) => [String(e.id), e.entityId ?? "", e.changeType ?? "", e.errorMessage ?? ""]),
    );
    const json = JSON.parse((await exportRunRows(jobId, "json")).body) as Array<{ id: number }>;
    expect(json.map((r) => r.id)).toEqual(all.map((e) => e.id));
  });

  it("the routes answer attachments, and a 404 for an unknown run", async () => {
    const scene = await sceneHistoryRoute(
      new Request(`http://localhost/api/export/scenes/${sceneId}/history?format=json`),
      { params: Promise.resolve({ id: sceneId }) },
    );
    expect(scene.status).toBe(200);
    expect(scene.headers.get("content-disposition")).toBe(
      `attachment; filename="scene-${sceneId}-history.json"`,
    );
    const run = await runRowsRoute(new Request(`http://localhost/api/export/syncs/${jobId}/rows`), {
      params: Promise.resolve({ jobId }),
    });
    expect(run.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(run.headers.get("content-disposition")).toMatch(
      /^attachment; filename="sync-.*-rows\.csv"$/,
    );
    const missing = await runRowsRoute(new Request("http://localhost/api/export/syncs/nope/rows"), {
      params: Promise.resolve({ jobId: "nope" }),
    });
    expect(missing.status).toBe(404);
    const badFormat = await runRowsRoute(
      new Request(`http://localhost/api/export/syncs/${jobId}/rows?format=xml`),
      { params: Promise.resolve({ jobId }) },
    );
    expect(badFormat.status).toBe(400);
  });
});
