import { createHmac, timingSafeEqual } from "node:crypto";
import { configuredAccessToken } from "./access-token";

/**
 * The session cookie a person gets by signing in: `v1.<expires-at-ms>.<signature>`, where the
 * signature is an HMAC of the version and expiry under a key derived from the access token.
 * Nothing is stored server-side, so there is no session table; the price is that signing out
 * only forgets the cookie in that browser. Changing STASH_SYNC_TOKEN invalidates every session.
 */
export const SESSION_COOKIE_NAME = "stash_sync_session";
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

const VERSION = "v1";
// Domain separation: the cookie key is never the token itself, so a leaked cookie signature
// says nothing usable about the token.
const KEY_LABEL = "stash-sync session cookie v1";

export function issueSessionValue(now: Date = new Date()): string {
  const expiresAt = now.getTime() + SESSION_MAX_AGE_SECONDS * 1000;
  const payload = `${VERSION}.${expiresAt}`;
  return `${payload}.${sign(payload, requireToken())}`;
}

/** True for a cookie this server signed with the current token that has not expired. */
export function isValidSessionValue(
  value: string | null | undefined,
  now: Date = new Date(),
): boolean {
  const token = configuredAccessToken();
  if (token === undefined || !value) return false;
  const match = /^(v1)\.(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return false;
  const [, version, expiresAt, signature] = match as unknown as [string, string, string, string];
  // Compared as text, not decoded bytes: base64url has several spellings of the same bytes
  // (the last character's spare bits), and only the one this server wrote is valid.
  const expected = Buffer.from(sign(`${version}.${expiresAt}`, token), "ascii");
  if (!timingSafeEqual(Buffer.from(signature, "ascii"), expected)) return false;
  return Number(expiresAt) > now.getTime();
}

/** Cookie attributes: unreadable by scripts, not sent on cross-site requests, https-only on https. */
export function sessionCookieAttributes(secure: boolean) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure,
    path: "/",
    maxAge: SESSION_MAX_AGE_SECONDS,
  };
}

function sign(payload: string, token: string): string {
  const key = createHmac("sha256", token).update(KEY_LABEL).digest();
  return createHmac("sha256", key).update(payload).digest("base64url");
}

function requireToken(): string {
  const token = configuredAccessToken();
  if (token === undefined)
    throw new Error("No access token is configured: there is no session to issue.");
  return token;
}
