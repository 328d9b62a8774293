import { existsSync } from "node:fs";
import os from "node:os";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startThrowawayPostgres, withThrowawayPostgres } from "../../scripts/db-throwaway-postgres";

const clusterFolders = () =>
  new Set(readdirSync(os.tmpdir()).filter((name) => name.startsWith("stash-sync-pg-")));

describe("a throwaway PostgreSQL", () => {
  it("starts in a temp folder on a free port, creates databases from a template, and leaves nothing behind", async () => {
    const before = clusterFolders();
    const cluster = await startThrowawayPostgres();
    const folder = [...clusterFolders()].find((name) => !before.has(name));
    expect(folder).toBeDefined();
    const templateUrl = await cluster.createDatabase("template_db");
    const template = new pg.Client({ connectionString: templateUrl });
    await template.connect();
    await template.query(`CREATE TABLE "t" ("n" INTEGER); INSERT INTO "t" VALUES (7)`);
    await template.end();

    const copy = new pg.Client({
      connectionString: await cluster.createDatabase("copy", "template_db"),
    });
    await copy.connect();
    const { rows } = await copy.query(`SELECT "n", current_user AS "who" FROM "t"`);
    await copy.end();
    expect(rows).toEqual([{ n: 7, who: "postgres" }]);

    const port = Number(new URL(cluster.url("postgres")).port);
    await cluster.stop();
    expect(existsSync(path.join(os.tmpdir(), folder!))).toBe(false);
    const after = new pg.Client({ connectionString: cluster.url("postgres") });
    await expect(after.connect()).rejects.toThrow();
    expect(port).toBeGreaterThan(0);
  });

  it("is stopped and removed when the work with it fails", async () => {
    const before = clusterFolders();
    await expect(
      withThrowawayPostgres(async () => {
        throw new Error("the work failed");
      }),
    ).rejects.toThrow("the work failed");
    expect([...clusterFolders()].filter((name) => !before.has(name))).toEqual([]);
  });
});
