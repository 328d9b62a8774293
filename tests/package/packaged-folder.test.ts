import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStashSyncClient } from "../../client";
import packageJson from "../../package.json" with { type: "json" };
import { applyMigrations } from "../../server/db/migrations";
import { withStashSim } from "../helpers/stash-sim";
import {
  jsonLogLines,
  packageAndCopy,
  runPackagedCli,
  startPackaged,
  type PackagedServer,
} from "./helpers/packaged-app";

const API_KEY = "packaged-stash-api-key-42";
const TOKEN = "packaged-access-token-0123456789";
const sim = withStashSim({ scenes: 1200, seed: 22, apiKey: API_KEY });
// Each test starts a server process (and the CLI): slower than in-process tests on a busy machine.
const serverTests = { timeout: 180_000 };
const migrationNames = readdirSync("prisma/migrations", { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

let folder: string;
const servers: PackagedServer[] = [];
beforeAll(async () => {
  folder = await packageAndCopy();
}, 300_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  if (folder) rmSync(path.dirname(folder), { recursive: true, force: true });
});

let databases = 0;
/** A database path of its own inside the installed folder's data directory. */
function newDatabaseFile(): string {
  const dir = path.join(folder, "data");
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `test-${++databases}.db`);
}

const appEnv = (databaseFile: string) => ({
  DATABASE_URL: `file:${databaseFile}`,
  STASH_URL: sim.url,
  STASH_API_KEY: API_KEY,
  STASH_SYNC_TOKEN: TOKEN,
  STASH_PAGE_SIZE: "100",
});

async function serve(databaseFile: string, options?: { waitUntilServing: boolean }) {
  const server = await startPackaged(folder, appEnv(databaseFile), options);
  servers.push(server);
  return server;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" });
}

function appliedMigrations(databaseFile: string): string[] {
  const sqlite = new Database(databaseFile, { readonly: true });
  try {
    return sqlite
      .prepare(`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name`)
      .pluck()
      .all() as string[];
  } finally {
    sqlite.close();
  }
}

describe("the packaged folder (npm run package)", serverTests, () => {
  it("holds the server, the CLI, the migrations and the native SQLite module, and nothing of the repository", () => {
    for (const file of [
      "server.js",
      "cli.js",
      "prepare.js",
      "package.json",
      "prisma/schema.prisma",
      `prisma/migrations/${migrationNames.at(-1)}/migration.sql`,
      "server/db/sqlite-writer-worker.mjs",
      "node_modules/better-sqlite3/build/Release/better_sqlite3.node",
      "node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm",
    ]) {
      expect(existsSync(path.join(folder, file)), file).toBe(true);
    }
    const files = filesUnder(folder);
    // No TypeScript runs: declaration files that ship inside packages are not code.
    expect(files.filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".d.ts"))).toEqual([]);
    for (const absent of [".git", "app", "tests", "e2e", "scripts", "node_modules/.bin"]) {
      expect(existsSync(path.join(folder, absent)), absent).toBe(false);
    }
    const devDependencies = Object.keys(packageJson.devDependencies);
    expect(
      devDependencies.filter((name) => existsSync(path.join(folder, "node_modules", name))),
    ).toEqual([]);
  });

  it("holds everything its writer threads import or start, which Next's trace does not see", () => {
    const dir = path.join(folder, "server", "db");
    const workers = readdirSync(dir).filter((file) => file.endsWith(".mjs"));
    expect(workers).toContain("postgresql-writer-worker.mjs");
    for (const worker of workers) {
      const file = path.join(dir, worker);
      const imports = [...readFileSync(file, "utf8").matchAll(/^import .* from "([^"]+)";$/gm)];
      for (const [, specifier] of imports) {
        if (specifier!.startsWith("node:")) continue;
        // Resolved as the thread resolves it: from its own file, inside the folder.
        const resolved = createRequire(file).resolve(specifier!);
        expect(resolved.startsWith(folder), `${worker} imports ${specifier}`).toBe(true);
      }
      // Threads a thread starts itself (the SQLite writer's checkpointer).
      const started = [
        ...readFileSync(file, "utf8").matchAll(/new URL\("([^"]+)", import\.meta\.url\)/g),
      ];
      for (const [, relative] of started) {
        expect(existsSync(path.join(dir, relative!)), `${worker} starts ${relative}`).toBe(true);
      }
    }
  });

  it("starts on a fresh database, syncs from its CLI and serves a scene page", async () => {
    const database = newDatabaseFile();
    const server = await serve(database);

    // Its usage names the command as the folder starts it, not as a checkout does.
    const wrong = await runPackagedCli(folder, ["sync", "sideways"], appEnv(database));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^Usage: node cli\.js sync full \| incremental \| scenes /);
    const sync = await runPackagedCli(folder, ["sync", "incremental"], appEnv(database));
    expect(sync.stderr).toBe("");
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(
      /^completed: \d+ synced — \d+ created, 0 updated, 0 skipped, 0 failed$/m,
    );

    const page = await fetch(`${server.url}/scenes/1`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    const title = sim.scene(1)!.title!;
    expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1]).toBe(
      title.replaceAll("&", "&amp;").replaceAll("'", "&#x27;"),
    );
    expect(/<footer[^>]*>([^<]*)<\/footer>/.exec(html)?.[1]).toBe(
      `stash-sync ${packageJson.version}`,
    );
  });

  it("answers its health check without the token, naming its version, and logs as JSON", async () => {
    const server = await serve(newDatabaseFile());

    const response = await fetch(`${server.url}/api/health`);

    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      status: "ok",
      version: packageJson.version,
      database: "ok",
      stash: "ok",
      running_job: null,
    });
    expect(JSON.stringify(body)).not.toContain(API_KEY);
    expect(jsonLogLines(server.logs)).toContainEqual(
      expect.objectContaining({
        level: "info",
        msg: expect.stringMatching(/^Applied migrations: /),
      }),
    );
  });
});

describe("upgrades are restarts", serverTests, () => {
  it("a newer build applies an older database's pending migrations before it serves", async () => {
    const database = newDatabaseFile();
    const older = migrationNames[1]!;
    await applyMigrations(database, { upTo: older });
    expect(appliedMigrations(database)).toEqual(migrationNames.slice(0, 2));

    const server = await serve(database);

    expect(appliedMigrations(database)).toEqual(migrationNames);
    const applied = server.logs.findIndex((line) => line.includes("Applied migrations: "));
    const ready = server.logs.findIndex((line) => line.includes("Ready"));
    expect(applied).toBeGreaterThanOrEqual(0);
    expect(applied).toBeLessThan(ready);
    expect(server.logs[applied]).toContain(migrationNames.at(-1));
    expect(server.logs[applied]).not.toContain(older);
  });

  it("an older build refuses a newer database, saying so, and changes nothing", async () => {
    const database = newDatabaseFile();
    await applyMigrations(database);
    // What a newer release leaves behind: a migration this build has never heard of.
    const sqlite = new Database(database);
    sqlite
      .prepare(
        `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES ('future', 'abc', CURRENT_TIMESTAMP, '29990101000000_from_a_newer_release', CURRENT_TIMESTAMP, 1)`,
      )
      .run();
    sqlite.close();
    const digest = () => createHash("sha256").update(readFileSync(database)).digest("hex");
    const before = { digest: digest(), mtime: statSync(database).mtimeMs };

    const server = await serve(database, { waitUntilServing: false });

    expect(await server.exited).toBe(1);
    const refusal = jsonLogLines(server.logs).find((line) => line.level === "error");
    expect(refusal?.msg).toContain("was upgraded by a newer stash-sync");
    expect(refusal?.msg).toContain("29990101000000_from_a_newer_release");
    expect(refusal?.msg).toContain(`this version (${packageJson.version})`);
    expect({ digest: digest(), mtime: statSync(database).mtimeMs }).toEqual(before);
  });
});

describe("stopping the container (SIGTERM)", serverTests, () => {
  it("ends a running sync after its current page as cancelled, then exits", async () => {
    const database = newDatabaseFile();
    const server = await serve(database);
    const api = createStashSyncClient({ url: server.url, token: TOKEN });
    // Still reading when the signal comes, whatever the machine's speed: Stash answers two
    // pages and hangs on the rest, which the shutdown does not wait for.
    sim.holdPagesFrom(3);
    const { jobId } = await api.sync.start.mutate({ type: "full" });
    await expect
      .poll(async () => (await api.sync.status.query({ jobId })).progress.done, {
        timeout: 60_000,
        interval: 50,
      })
      .toBeGreaterThan(0);

    server.child.kill("SIGTERM");

    expect(await server.exited).toBe(0);
    const sqlite = new Database(database, { readonly: true });
    const run = sqlite
      .prepare(
        `SELECT status, error_message, items_synced, completed_at FROM sync_history WHERE job_id = ?`,
      )
      .get(jobId) as {
      status: string;
      error_message: string;
      items_synced: number;
      completed_at: unknown;
    };
    sqlite.close();
    expect(run.status).toBe("cancelled");
    expect(run.error_message).toContain("SIGTERM");
    expect(run.items_synced).toBeGreaterThan(0);
    expect(run.items_synced).toBeLessThan(1200);
    expect(run.completed_at).not.toBeNull();
    expect(jsonLogLines(server.logs).map((line) => line.msg)).toContainEqual(
      expect.stringMatching(/^SIGTERM received/),
    );
  });
});
