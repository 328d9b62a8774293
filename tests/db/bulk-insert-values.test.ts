import { describe, expect, it } from "vitest";
import { bulkWriter } from "../../server/db/bulk-writer";
import { db } from "../../server/db/client";
import { insertRows, type SqlValue } from "../../server/db/sql-dialect";
import { syncLogColumns } from "../../server/sync/write/record-outcomes";
import { createSyncRun } from "../factories/library";

// Text that a COPY-style encoding must escape, and text that only looks escaped.
const texts = [
  "tab\there",
  "line\nbreak\r\nand return",
  "back\\slash and \\N and \\t",
  "\\.",
  "",
  "quotes \"double\" and 'single', {braces}, commas",
  "ünïcödé 日本語 🎬",
];

describe("a bulk insert of rows not yet stored", () => {
  it("stores every value as it was given: text, NULL, booleans, numbers and times", async () => {
    const run = await createSyncRun(db());
    const at = new Date("2026-03-04T05:06:07.089Z");
    const rows: SqlValue[][] = texts.map((text, i) => [
      run.id,
      "scene",
      `id-${i}`,
      "incremental",
      i % 2 === 0,
      i === 1 ? null : "updated",
      text,
      i === 2 ? null : text,
      at,
      i === 3 ? null : 1000 + i,
    ]);
    await bulkWriter().write(insertRows("sync_log", syncLogColumns, rows));
    const stored = await db().syncLog.findMany({
      where: { syncHistoryId: run.id },
      orderBy: { entityId: "asc" },
    });
    expect(
      stored.map((r) => [
        r.entityId,
        r.hadChanges,
        r.changeType,
        r.errorMessage,
        r.changedFields,
        r.createdAt.toISOString(),
        r.restoreId,
      ]),
    ).toEqual(
      texts.map((text, i) => [
        `id-${i}`,
        i % 2 === 0,
        i === 1 ? null : "updated",
        text,
        i === 2 ? null : text,
        at.toISOString(),
        i === 3 ? null : 1000 + i,
      ]),
    );
  });
});
