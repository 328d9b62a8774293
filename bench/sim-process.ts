/** The simulator in its own process, as Stash would be: shared by the bench's scripts. */
import { spawn, type ChildProcess } from "node:child_process";

/**
 * Starts `stash-sim/cli.ts` with these arguments (seed 1) on a port the system picks (a random
 * one could be taken); resolves once it serves, with the port it printed.
 */
export function startSimProcess(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "stash-sim/cli.ts", "--port", "0", "--seed", "1", ...args],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const served = /:(\d+)\/graphql/.exec(out);
      if (served) resolve({ child, port: Number(served[1]) });
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
