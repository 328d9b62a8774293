import { logger } from "../logger";
import { matchingToken } from "./access-token";
import { clientAddress, clientKey } from "./client-address";
import { FailureLimiter, type FailureLimitPolicy } from "./failure-limiter";

/**
 * Ten wrong tokens cost nothing (typos); then a client waits 30 s, and twice as long after each
 * further wrong one, up to an hour, and is forgotten only after a quiet hour: about ten guesses
 * an hour at best instead of thousands a minute.
 */
export const tokenGuessPolicy: FailureLimitPolicy = {
  freeFailures: 10,
  forgetAfterMs: 60 * 60_000,
  firstWaitMs: 30_000,
  maxWaitMs: 60 * 60_000,
  maxClients: 10_000,
};

export type TokenGuess =
  | { outcome: "match"; token: "access" | "hook" }
  | { outcome: "wrong" }
  | { outcome: "limited"; retryAfterSeconds: number };

const LIMITER = Symbol.for("stash-sync.token-guess-limiter");

// On globalThis: Next bundles the proxy apart from routes and actions, which must share counts.
function limiter(): FailureLimiter {
  const holder = globalThis as { [LIMITER]?: FailureLimiter };
  holder[LIMITER] ??= new FailureLimiter(tokenGuessPolicy);
  return holder[LIMITER];
}

/**
 * Judges a token a client presented (a bearer header or the sign-in form), counting wrong ones
 * per client; which token it is (access or hook) is the caller's to weigh, as a client holding
 * either is not guessing. A client that must wait is not judged at all, even with the right
 * token: an answer would let it go on guessing. A signed-in browser's cookie is not a guess and
 * is not limited.
 */
export function judgeTokenGuess(
  candidate: string,
  headers: Headers,
  channel: "bearer token" | "sign-in",
): TokenGuess {
  const client = clientAddress(headers);
  const key = clientKey(client);
  const retryAfterSeconds = secondsToWait(key);
  if (retryAfterSeconds > 0) return { outcome: "limited", retryAfterSeconds };
  const token = matchingToken(candidate);
  // Only the access token clears a client's wrong guesses: the hook token, readable in Stash's
  // plugin settings, would otherwise let its holder guess ten at a time forever.
  if (token === "access") limiter().recordSuccess(key);
  if (token) return { outcome: "match", token };
  const { failures, waitMs } = limiter().recordFailure(key);
  if (waitMs > 0) {
    logger.warn(
      `Access token guessing: ${failures} wrong tokens (${channel}) from ${client}; its attempts are refused for ${Math.ceil(waitMs / 1000)} s.`,
    );
  }
  return { outcome: "wrong" };
}

/** Seconds this request's client must wait before a token it sends is judged; 0 when none. */
export function tokenGuessWaitSeconds(headers: Headers): number {
  return secondsToWait(clientKey(clientAddress(headers)));
}

function secondsToWait(key: string): number {
  return Math.ceil(limiter().waitMs(key) / 1000);
}
