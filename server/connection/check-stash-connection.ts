import { env } from "../env";
import { isAppError } from "../errors";
import { logger } from "../logger";
import { readStashConnection } from "../settings/stash-connection";
import { StashClient } from "../stash/client";
import type { StashConnectionStatus } from "./stash-connection-schema";

/** All a check says about an address that is not the saved Stash, whatever went wrong. */
export const NOT_STASH_MESSAGE = "No Stash answered at this address.";

/** A person is waiting: fail fast rather than retry like a sync does. */
const CHECK_TIMEOUT_MS = 10_000;

export interface CheckOptions {
  /**
   * Say why a check failed (refused, no answer, HTTP 401, not GraphQL…). Only for the saved
   * Stash: for any other address those words would make the check a probe of hosts and ports.
   */
  explainFailures: boolean;
}

/**
 * Asks Stash for its version, whether it has what stash-sync reads, and its scene count.
 * Without `connection`, checks the configured Stash (environment, then Settings).
 */
export async function checkStashConnection(
  connection?: { url: string; apiKey: string | null },
  { explainFailures }: CheckOptions = { explainFailures: true },
): Promise<StashConnectionStatus> {
  const target = connection ?? (await readStashConnection());
  if (!target.url) return { state: "unconfigured" };
  try {
    const client = new StashClient({
      url: target.url,
      apiKey: target.apiKey ?? undefined,
      timeoutMs: Math.min(env().STASH_TIMEOUT_MS, CHECK_TIMEOUT_MS),
      retries: 0,
    });
    const version = await client.checkCompatibility();
    const stats = await client.stats();
    return {
      state: "reachable",
      url: target.url,
      version: version.version,
      sceneCount: stats.sceneCount,
    };
  } catch (error) {
    if (!explainFailures) {
      return { state: "error", url: target.url, code: "NOT_STASH", message: NOT_STASH_MESSAGE };
    }
    if (isAppError(error)) {
      return { state: "error", url: target.url, code: error.code, message: error.message };
    }
    logger.error(`Stash connection check failed unexpectedly: ${String(error)}`);
    return {
      state: "error",
      url: target.url,
      code: "INTERNAL",
      message: "The check failed unexpectedly; the server log has the details.",
    };
  }
}
