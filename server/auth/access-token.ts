import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "../env";

/**
 * The access token (STASH_SYNC_TOKEN). When it is set, every page, action, tRPC call and HTTP
 * route needs it: as `Authorization: Bearer <token>` from programs, or as the session cookie a
 * person gets by signing in once; the Stash hook route takes the hook token instead too
 * (STASH_SYNC_HOOK_TOKEN). When it is not set the app is open to anyone who can reach it.
 */
export function configuredAccessToken(): string | undefined {
  return env().STASH_SYNC_TOKEN;
}

/** Whether callers must present the token; the dashboard's "open to anyone" banner reads this. */
export function accessControlEnabled(): boolean {
  return configuredAccessToken() !== undefined;
}

/**
 * What a token opens: "app" is every page, action, call and route; "stash-hook" is only the
 * route Stash's plugin posts to, which the hook token (STASH_SYNC_HOOK_TOKEN) opens too.
 */
export type TokenScope = "app" | "stash-hook";

/** Whether `candidate` is the access token. */
export function tokenMatches(candidate: string | null | undefined): boolean {
  return sameSecret(candidate, configuredAccessToken());
}

/** Which of the configured tokens `candidate` is: the access token, the hook token, or neither. */
export function matchingToken(candidate: string | null | undefined): "access" | "hook" | null {
  if (tokenMatches(candidate)) return "access";
  if (sameSecret(candidate, env().STASH_SYNC_HOOK_TOKEN)) return "hook";
  return null;
}

/**
 * Compares in constant time. Both sides are hashed first so the comparison never depends on,
 * or reveals, the candidate's length (timingSafeEqual needs equal lengths).
 */
function sameSecret(candidate: string | null | undefined, secret: string | undefined): boolean {
  if (secret === undefined || !candidate) return false;
  return timingSafeEqual(sha256(candidate), sha256(secret));
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
