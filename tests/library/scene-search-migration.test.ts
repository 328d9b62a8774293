import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../scripts/db-throwaway-postgres";
import { applyMigrations } from "../../server/db/migrations";
import { toStatement, type Statement } from "../../server/db/sql-dialect";
import { textSearch } from "../../server/db/text-search";

const dir = mkdtempSync(path.join(os.tmpdir(), "stash-sync-search-migration-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A new, empty database of the provider this test pass runs on, and a way to run SQL in it. */
async function emptyDatabase() {
  const server = process.env.STASH_SYNC_TEST_POSTGRES_SERVER;
  if (server) {
    const url = await createDatabase(server, `search_${randomUUID().replace(/-/g, "")}`);
    return {
      target: url,
      async run(statement: Statement) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query(statement.sql, statement.params)).rows as unknown[];
        } finally {
          await client.end();
        }
      },
    };
  }
  const file = path.join(dir, `${randomUUID()}.db`);
  return {
    target: file,
    async run(statement: Statement) {
      const database = new Database(file);
      try {
        const prepared = database.prepare(statement.sql);
        return prepared.reader
          ? prepared.all(statement.params)
          : (prepared.run(statement.params), []);
      } finally {
        database.close();
      }
    },
  };
}

const plain = (sql: string, params: (string | number)[] = []): Statement => ({
  sql: process.env.STASH_SYNC_TEST_POSTGRES_SERVER
    ? sql.replace(
        /\?/g,
        (
          (n) => () =>
            `$${++n}`
        )(0),
      )
    : sql,
  params,
});

describe("the scene_search migration", () => {
  it("indexes the scenes an older database holds, and a later rename reaches their rows", async () => {
    const { target, run } = await emptyDatabase();
    await applyMigrations(target, { upTo: "20261204001000_scene_list_indexes" });
    const now = "2026-11-01T10:00:00.000Z";
    await run(
      plain(
        `INSERT INTO "scene" ("id", "title", "stash_created_at", "stash_updated_at", "content_hash", "first_seen_at", "last_synced_at") VALUES ('41', 'Harbour at dusk', ?, ?, '', ?, ?)`,
        [now, now, now, now],
      ),
    );
    await run(
      plain(
        `INSERT INTO "scene_file" ("id", "scene_id", "path", "basename") VALUES ('f41', '41', '/srv/media/north-quay/clip_07.mp4', 'clip_07.mp4')`,
      ),
    );
    await run(
      plain(
        `INSERT INTO "performer" ("id", "name", "stash_created_at", "stash_updated_at", "content_hash", "first_seen_at", "last_synced_at") VALUES ('5', 'Ines Vale', ?, ?, '', ?, ?)`,
        [now, now, now, now],
      ),
    );
    await run(
      plain(`INSERT INTO "scene_performer" ("scene_id", "performer_id") VALUES ('41', '5')`),
    );

    await applyMigrations(target);
    const found = async (text: string) =>
      (await run(toStatement(textSearch.sceneIdsContaining(text)))).map((row) =>
        String(Object.values(row as object)[0]),
      );
    expect(await found("north-quay/clip_0")).toEqual(["41"]);
    expect(await found("HARBOUR")).toEqual(["41"]);
    expect(await found("ines v")).toEqual(["41"]);
    expect(await found("clip%07")).toEqual([]);

    await run(plain(`UPDATE "performer" SET "name" = 'Orla Brandt' WHERE "id" = '5'`));
    expect(await found("orla bra")).toEqual(["41"]);
    expect(await found("ines v")).toEqual([]);
  });
});
