import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");
const sources = ["app", "components", "lib", "server", "trpc", "proxy.ts", "instrumentation.ts"];

export interface NextServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** Every line the server printed so far, stdout and stderr. */
  logs: string[];
  close(): Promise<void>;
}

/**
 * The built app under `next start` in a child process, on a free port of 127.0.0.1: pages,
 * server actions, the proxy and the request hook exactly as a user's server runs them. Needs
 * `npm run build` first (npm test builds before it runs these tests).
 */
export async function startNextServer(environment: Record<string, string>): Promise<NextServer> {
  assertFreshBuild();
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      path.join(root, "node_modules/next/dist/bin/next"),
      "start",
      "-H",
      "127.0.0.1",
      "-p",
      `${port}`,
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "info",
        ...environment,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
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
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(url, exited, logs);
  return {
    url,
    logs,
    close: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function waitUntilServing(url: string, exited: Promise<void>, logs: string[]) {
  let stopped = false;
  void exited.then(() => (stopped = true));
  for (let attempt = 0; attempt < 600; attempt++) {
    if (stopped) throw new Error(`next start exited:\n${logs.join("\n")}`);
    const answered = await fetch(`${url}/login`, { redirect: "manual" }).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`next start did not answer:\n${logs.join("\n")}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

// A build older than the code would test yesterday's app: say so instead.
export function assertFreshBuild() {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) throw new Error("No build: run `npm run build` before these tests.");
  const built = statSync(buildId).mtimeMs;
  const changed = sources.map((source) => newestChange(path.join(root, source)));
  if (Math.max(...changed) > built) {
    throw new Error("The build is older than the code: run `npm run build` again.");
  }
}

function newestChange(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(file).map((entry) => newestChange(path.join(file, entry))),
  );
}
