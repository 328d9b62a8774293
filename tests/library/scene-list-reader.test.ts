import { describe, expect, it } from "vitest";
import { providerOf } from "../../server/db/provider";
import { rowReader, sceneListReader } from "../../server/db/row-reader";
import { env } from "../../server/env";

describe("the scene list's reader", () => {
  it("is a connection of its own with a 64 MB page cache on SQLite, the process's reader on PostgreSQL", async () => {
    if (providerOf(env().DATABASE_URL) === "postgresql") {
      expect(sceneListReader()).toBe(rowReader());
      return;
    }
    expect(sceneListReader()).not.toBe(rowReader());
    const cache = (reader: typeof rowReader) =>
      reader().column<number>({ sql: "PRAGMA cache_size", params: [] });
    // Negative: KiB, not pages. The sync's own reader keeps better-sqlite3's default (16 MB).
    expect(await cache(sceneListReader)).toEqual([-64 * 1024]);
    expect(await cache(rowReader)).toEqual([-16_000]);
  });
});
