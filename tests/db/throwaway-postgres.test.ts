import { existsSync } from "node:fs";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startThrowawayPostgres, withThrowawayPostgres } from "../../scripts/db-throwaway-postgres";

describe("a throwaway PostgreSQL", () => {
  it("starts in a temp folder on a free port, creates databases from a template, drops them, and leaves nothing behind", async () => {
    const cluster = await startThrowawayPostgres();
    expect(existsSync(cluster.folder)).toBe(true);
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

    // Dropped even with a connection still open to it.
    const holder = new pg.Client({ connectionString: cluster.url("copy") });
    await holder.connect();
    holder.on("error", () => {});
    await cluster.dropDatabase("copy");
    const admin = new pg.Client({ connectionString: cluster.url("postgres") });
    await admin.connect();
    const names = await admin.query(`SELECT "datname" FROM "pg_database" ORDER BY 1`);
    await admin.end();
    expect(names.rows.map((r: { datname: string }) => r.datname)).toContain("template_db");
    expect(names.rows.map((r: { datname: string }) => r.datname)).not.toContain("copy");
    await holder.end().catch(() => {});

    await cluster.stop();
    expect(existsSync(cluster.folder)).toBe(false);
    const after = new pg.Client({ connectionString: cluster.url("postgres") });
    await expect(after.connect()).rejects.toThrow();
  });

  it("is stopped and removed when the work with it fails", async () => {
    let folder = "";
    let url = "";
    await expect(
      withThrowawayPostgres(async (cluster) => {
        folder = cluster.folder;
        url = cluster.url("postgres");
        throw new Error("the work failed");
      }),
    ).rejects.toThrow("the work failed");
    expect(folder).not.toBe("");
    expect(existsSync(folder)).toBe(false);
    const after = new pg.Client({ connectionString: url });
    await expect(after.connect()).rejects.toThrow();
  });
});
