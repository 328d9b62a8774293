import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { bulkWriter, sqliteWriterPragmas } from "../../server/db/bulk-writer";
import { sqliteFileFromUrl } from "../../server/db/database-file";
import { openWriterConnection } from "../../server/db/sqlite-writer-connection.mjs";
import { insertRows } from "../../server/db/sql-dialect";
import { env } from "../../server/env";

const file = () => sqliteFileFromUrl(env().DATABASE_URL);
const size = (path: string) => statSync(path, { throwIfNoEntry: false })?.size ?? 0;

/** `count` setting rows of about 1 KB each, keys starting with `prefix`: ~count/4 log pages. */
const settings = (prefix: string, count: number) =>
  insertRows(
    "setting",
    ["key", "value", "updated_at"],
    Array.from({ length: count }, (_, i) => [`${prefix}-${i}`, "x".repeat(1000), new Date()]),
    { key: ["key"], update: ["value", "updated_at"] },
  );

describe("the SQLite writer's checkpoints (a thread of their own)", () => {
  it("copies committed batches into the database file long before the writer's own checkpoint would", async () => {
    // The writer checkpoints by itself only past this many log pages; these batches write far fewer.
    expect(sqliteWriterPragmas).toContain("wal_autocheckpoint = 10000");
    await bulkWriter().checkpoint();
    const before = size(file());
    for (let batch = 0; batch < 3; batch++)
      await bulkWriter().write(settings(`copied-${batch}`, 1000));
    // About 3 MB went to the log in ~750 pages; the file takes them without another write.
    await vi.waitFor(() => expect(size(file())).toBeGreaterThan(before + 2_000_000), {
      timeout: 10_000,
      interval: 20,
    });
  });

  it("empties the log after a run even while the checkpointer is copying", async () => {
    for (let round = 0; round < 5; round++) {
      await bulkWriter().write(settings(`round-${round}`, 2000));
      // Asked at once: the checkpointer is most likely still copying this batch.
      await bulkWriter().checkpoint();
      expect(size(`${file()}-wal`)).toBe(0);
    }
  });

  it("says so when its checkpointer thread cannot run, and the writer goes on without it", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "stash-sync-checkpointer-"));
    const warnings: string[] = [];
    const connection = openWriterConnection(path.join(dir, "writer.db"), sqliteWriterPragmas, {
      warn: (warning) => warnings.push(warning),
      checkpointer: new URL("./no-such-checkpointer.mjs", import.meta.url),
    });
    try {
      connection.writeAll([
        { sql: "CREATE TABLE t (x)", params: [] },
        { sql: "INSERT INTO t VALUES (?)", params: [1] },
      ]);
      await vi.waitFor(() =>
        expect(warnings).toEqual([
          expect.stringMatching(/^The SQLite checkpointer thread stopped \(.*no-such-checkpointer/),
        ]),
      );
      connection.writeAll([{ sql: "INSERT INTO t VALUES (?)", params: [2] }]);
      connection.checkpoint();
      expect(connection.sqlite.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 2 });
      expect(size(path.join(dir, "writer.db-wal"))).toBe(0);
    } finally {
      await connection.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
