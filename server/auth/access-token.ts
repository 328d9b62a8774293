import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "../env";

/**
 * The access token (STASH_SYNC_TOKEN). When it is set, every page, action, tRPC call and HTTP
 * route needs it: as `Authorization: Bearer <token>` from programs, or as the session cookie a
 * person gets by signing in once. When it is not set the app is open to anyone who can reach it.
 */
export function configuredAccessToken(): string | undefined {
  return env().STASH_SYNC_TOKEN;
}

/** Whether callers must present the token; the dashboard's "open to anyone" banner reads this. */
export function accessControlEnabled(): boolean {
  return configuredAccessToken() !== undefined;
}

/**
 * Compares in constant time. Both sides are hashed first so the comparison never depends on,
 * or reveals, the candidate's length (timingSafeEqual needs equal lengths).
 */
export function tokenMatches(candidate: string | null | undefined): boolean {
  const token = configuredAccessToken();
  if (token === undefined || !candidate) return false;
  return timingSafeEqual(sha256(candidate), sha256(token));
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
