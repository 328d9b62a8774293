import { writeFileSync } from "node:fs";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { GET } from "../../app/api/health/route";
import packageJson from "../../package.json" with { type: "json" };
import { closeBulkWriter } from "../../server/db/bulk-writer";
import { db } from "../../server/db/client";
import { sqliteFileFromUrl } from "../../server/db/database-file";
import { providerOf } from "../../server/db/provider";
import { closeRowReader } from "../../server/db/row-reader";
import { env } from "../../server/env";
import { forgetStashProbe } from "../../server/health/probe-stash";
import { saveStashConnection } from "../../server/settings/stash-connection";
import { cancelSync } from "../../server/sync/sync-service";
import { withStashSim } from "../helpers/stash-sim";
import { startSyncAgainst, syncNow } from "../helpers/sync-run";

const API_KEY = "health-secret-api-key-0123";
const sim = withStashSim({ scenes: 300, seed: 4, apiKey: API_KEY });

async function health() {
  const response = await GET();
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

afterEach(() => forgetStashProbe());

describe("GET /api/health", () => {
  it("answers 200 with the version, the database and no Stash configured", async () => {
    const { status, body } = await health();

    expect(status).toBe(200);
    expect(body).toEqual({
      status: "degraded",
      version: packageJson.version,
      database: "ok",
      stash: "unconfigured",
      running_job: null,
    });
  });

  it("says Stash is ok when it answers with the saved key", async () => {
    await saveStashConnection({ url: sim.url, apiKey: API_KEY });

    const { status, body } = await health();

    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "ok", database: "ok", stash: "ok" });
  });

  it("says Stash is unauthorized when it refuses the key", async () => {
    await saveStashConnection({ url: sim.url, apiKey: "not-the-key-at-all" });

    expect((await health()).body).toMatchObject({ status: "degraded", stash: "unauthorized" });
  });

  it("says Stash is unreachable when nothing answers, and still answers 200", async () => {
    await saveStashConnection({ url: sim.url, apiKey: API_KEY });
    await sim.goAway();

    const { status, body } = await health();

    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "degraded", database: "ok", stash: "unreachable" });
  });

  it("says Stash is unreachable when it hangs, instead of waiting for it", async () => {
    await saveStashConnection({ url: sim.url, apiKey: API_KEY });
    // Longer than the probe waits; the test's own timeout is the bound.
    sim.setLatency(20_000);

    expect((await health()).body).toMatchObject({ stash: "unreachable" });
  });

  it("names the running sync's job, type and start", async () => {
    sim.setLatency(300);
    const { jobId, done } = await startSyncAgainst(
      { url: sim.url },
      { type: "full" },
      { stash: { url: sim.url, apiKey: API_KEY } },
    );

    const { body } = await health();

    expect(body.running_job).toEqual({
      job_id: jobId,
      sync_type: "full",
      started_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    await cancelSync(jobId);
    await done;
    expect((await health()).body.running_job).toBeNull();
  });

  it("reveals no secret and no library content", async () => {
    await saveStashConnection({ url: sim.url, apiKey: API_KEY });
    await syncNow(sim, { type: "full" }, { stash: { url: sim.url, apiKey: API_KEY } });
    const title = sim.scene(1)?.title;
    expect(title).toBeTruthy();

    const text = JSON.stringify((await health()).body);

    for (const secret of [API_KEY, sim.url, String(sim.port), title!]) {
      expect(text).not.toContain(secret);
    }
  });

  it("answers 503 when the database is unusable", async () => {
    await closeBulkWriter();
    closeRowReader();
    await db().$disconnect();
    const url = env().DATABASE_URL;
    if (providerOf(url) === "postgresql") {
      // As when the database is dropped (or restored over) while the server runs.
      const server = new pg.Client({
        connectionString: process.env.STASH_SYNC_TEST_POSTGRES_SERVER,
      });
      await server.connect();
      const name = decodeURIComponent(new URL(url).pathname.slice(1));
      await server.query(`DROP DATABASE ${server.escapeIdentifier(name)} WITH (FORCE)`);
      await server.end();
    } else {
      // As when the volume under the database is replaced or damaged while the server runs.
      writeFileSync(sqliteFileFromUrl(url), "this is not a SQLite database".repeat(200));
    }

    const { status, body } = await health();

    expect(status).toBe(503);
    expect(body).toMatchObject({ status: "unavailable", database: "unusable" });
  });
});
