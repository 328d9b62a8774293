import { execFile, spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { assertFreshBuild, freePort } from "../../api/helpers/start-next-server";

const root = path.resolve(import.meta.dirname, "../../..");
const run = promisify(execFile);

/**
 * `npm run package` into a scratch folder, then that folder alone copied to another temp
 * directory, outside the repository: nothing there can find the repository's node_modules.
 */
export async function packageAndCopy(): Promise<string> {
  // The package is made from the last build, as in the Dockerfile (npm test builds first).
  assertFreshBuild();
  const built = mkdtempSync(path.join(os.tmpdir(), "stash-sync-package-"));
  const installed = mkdtempSync(path.join(os.tmpdir(), "stash-sync-installed-"));
  try {
    await run(process.execPath, ["--import", "tsx", "scripts/package.ts", built], { cwd: root });
    const folder = path.join(installed, "stash-sync");
    cpSync(built, folder, { recursive: true, verbatimSymlinks: true });
    return folder;
  } finally {
    rmSync(built, { recursive: true, force: true });
  }
}

/** Only what a container gives: no variables of the test process leak into the app. */
export function packagedEnv(folder: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: folder,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_FORMAT: "json",
    ...extra,
  };
}

export interface PackagedServer {
  url: string;
  child: ChildProcess;
  /** Every line printed so far, stdout and stderr, in order. */
  logs: string[];
  /** The exit code once the process ended. */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

/** `node server.js` in the folder, as the Docker image runs it. */
export async function startPackaged(
  folder: string,
  env: Record<string, string>,
  { waitUntilServing = true } = {},
): Promise<PackagedServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["server.js"], {
    cwd: folder,
    env: packagedEnv(folder, { PORT: String(port), HOSTNAME: "127.0.0.1", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      logs.push(...lines);
    });
  }
  // "close", not "exit": it comes after the last output was read, which tests then look at.
  const exited = new Promise<number | null>((resolve) =>
    child.once("close", (code) => resolve(code)),
  );
  const server: PackagedServer = {
    url: `http://127.0.0.1:${port}`,
    child,
    logs,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
  if (waitUntilServing) await waitForHealth(server);
  return server;
}

async function waitForHealth(server: PackagedServer) {
  let stopped = false;
  void server.exited.then(() => (stopped = true));
  for (let attempt = 0; attempt < 1200; attempt++) {
    if (stopped) throw new Error(`node server.js exited:\n${server.logs.join("\n")}`);
    const ok = await fetch(`${server.url}/api/health`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`node server.js did not answer:\n${server.logs.join("\n")}`);
}

/** `node <folder>/cli.js …` from another directory, as cron starts it. */
export async function runPackagedCli(
  folder: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, [path.join(folder, "cli.js"), ...args], {
    cwd: os.tmpdir(),
    env: packagedEnv(folder, env),
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? -1,
      stdout: error.stdout ?? "",
      stderr: error.stderr ?? "",
    }),
  );
}

/** Log lines the app wrote as JSON (LOG_FORMAT=json); Next's own lines are left out. */
export function jsonLogLines(logs: string[]): { level: string; msg: string }[] {
  return logs.flatMap((line) => {
    if (!line.startsWith("{")) return [];
    try {
      return [JSON.parse(line) as { level: string; msg: string }];
    } catch {
      return [];
    }
  });
}
