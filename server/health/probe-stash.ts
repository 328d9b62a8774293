import { isAppError } from "../errors";
import { readStashConnection } from "../settings/stash-connection";
import { StashClient } from "../stash/client";

export type StashHealth = "ok" | "unreachable" | "unauthorized" | "unconfigured";

/** A health check must answer before a container's check times out: one try, a short wait. */
const PROBE_TIMEOUT_MS = 2_000;
/** Monitors poll often; Stash is asked at most this often, the answer in between is reused. */
const REUSE_MS = 10_000;

let last: { at: number; answer: Promise<StashHealth> } | undefined;

/** Whether the configured Stash answers its version query with the configured key. */
export function probeStash(now = Date.now()): Promise<StashHealth> {
  if (!last || now - last.at >= REUSE_MS) last = { at: now, answer: askStash() };
  return last.answer;
}

/** Forgets the reused answer (tests). */
export function forgetStashProbe(): void {
  last = undefined;
}

async function askStash(): Promise<StashHealth> {
  const { url, apiKey } = await readStashConnection();
  if (!url) return "unconfigured";
  try {
    await new StashClient({
      url,
      apiKey: apiKey ?? undefined,
      timeoutMs: PROBE_TIMEOUT_MS,
      retries: 0,
    }).version();
    return "ok";
  } catch (error) {
    return isAppError(error) && error.code === "STASH_UNAUTHORIZED"
      ? "unauthorized"
      : "unreachable";
  }
}
