/**
 * A Stash simulator for one test file, over real HTTP on a free port:
 *
 *   const sim = withStashSim({ scenes: 50, seed: 1, apiKey: "secret" });
 *   it("…", async () => { new StashClient({ url: sim.url, apiKey: "secret" }) … });
 *
 * It starts in beforeAll and closes in afterAll. After each test it is healed — faults off,
 * listening again, the API key as configured — so a failure test cannot break the next one;
 * edits to the library stay. Call it at the top of a file or of a describe block.
 */
import { afterAll, afterEach, beforeAll } from "vitest";
import { startStashSim, type StashSim, type StashSimOptions } from "../../stash-sim";

export function withStashSim(options: StashSimOptions = {}): StashSim {
  let started: StashSim | undefined;

  beforeAll(async () => {
    started = await startStashSim(options);
  });
  afterEach(async () => {
    if (!started) return;
    started.resetFaults();
    started.setApiKey(options.apiKey ?? null);
    await started.comeBack();
  });
  afterAll(async () => {
    await started?.close();
  });

  // The handle exists before the server does; it forwards to the server once beforeAll ran.
  return new Proxy({} as StashSim, {
    get(_, property) {
      // Not a promise: `await withStashSim(…)` yields the handle itself.
      if (property === "then") return undefined;
      if (!started) {
        throw new Error("The Stash simulator starts in beforeAll: use it inside tests and hooks");
      }
      const value: unknown = Reflect.get(started, property);
      return typeof value === "function"
        ? (value as (...args: unknown[]) => unknown).bind(started)
        : value;
    },
  });
}
