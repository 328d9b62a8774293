import { accessControlEnabled, type TokenScope } from "./access-token";
import { isValidSessionValue, SESSION_COOKIE_NAME } from "./session-cookie";
import { judgeTokenGuess } from "./token-guesses";

/** How a request was let in, or that it was not ("hook": the hook token, on its one route). */
export type Credential = "open" | "bearer" | "session" | "hook";

export type AccessDecision =
  | { authorized: true; credential: Credential }
  | {
      authorized: false;
      credential: null;
      /** Set when the client guessed wrong too often: its token was not even compared. */
      retryAfterSeconds?: number;
    };

/**
 * Decides access from the request's headers alone (no database): the proxy, the tRPC context,
 * HTTP routes and server actions all ask this one function. A request the proxy refused never
 * reaches the others, so a wrong token is counted once. `scope` is what the path accepts
 * (public-paths.ts tokenScopeOf).
 */
export function authorizeRequest(headers: Headers, scope: TokenScope = "app"): AccessDecision {
  if (!accessControlEnabled()) return { authorized: true, credential: "open" };
  const bearer = bearerToken(headers);
  if (bearer !== null) {
    const guess = judgeTokenGuess(bearer, headers, "bearer token");
    if (guess.outcome === "match" && guess.token === "access") {
      return { authorized: true, credential: "bearer" };
    }
    // The hook token opens its one route; elsewhere it is no credential (nor a wrong guess).
    if (guess.outcome === "match" && scope === "stash-hook") {
      return { authorized: true, credential: "hook" };
    }
    if (guess.outcome === "limited") {
      return { authorized: false, credential: null, retryAfterSeconds: guess.retryAfterSeconds };
    }
  }
  if (isValidSessionValue(readCookie(headers, SESSION_COOKIE_NAME))) {
    return { authorized: true, credential: "session" };
  }
  return { authorized: false, credential: null };
}

/** The token of `Authorization: Bearer <token>` (scheme case-insensitive, RFC 6750). */
export function bearerToken(headers: Headers): string | null {
  const match = /^Bearer +(\S+) *$/i.exec(headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

/** One cookie's value from the Cookie header; the first one wins when a name repeats. */
export function readCookie(headers: Headers, name: string): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return null;
}
