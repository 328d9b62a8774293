/** The simulator in its own process, as Stash would be: shared by the bench's scripts. */
import { spawn, type ChildProcess } from "node:child_process";

/** Starts `stash-sim/cli.ts` with these arguments (seed 1) on `port`; resolves once it serves. */
export function startSimProcess(port: number, args: string[]): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "stash-sim/cli.ts", "--port", String(port), "--seed", "1", ...args],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("/graphql")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`simulator exited with ${code}`)));
  });
}

/** Sends one control request (stash-sim/control-protocol.ts) and returns its result. */
export async function control<T = unknown>(port: number, body: unknown): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${port}/__control`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { result: T }).result;
}

/** A free-looking port for a simulator: random in 20000–39999. */
export const randomPort = () => 20000 + Math.floor(Math.random() * 20000);
