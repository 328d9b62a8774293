import type { TokenScope } from "./access-token";

/** The sign-in page: the one page (and its action) open without the token. */
export const LOGIN_PATH = "/login";

/** Routes open without the token: the health check, which names no secret and no content. */
export const PUBLIC_ROUTES = ["/api/health"] as const;

export function isPublicPath(pathname: string): boolean {
  return pathname === LOGIN_PATH || (PUBLIC_ROUTES as readonly string[]).includes(pathname);
}

/** The route Stash's plugin posts to: the one the hook token (STASH_SYNC_HOOK_TOKEN) opens. */
export const STASH_HOOK_PATH = "/api/stash-hook";

/** The tokens a path accepts: the hook route takes the hook token too, every other only the access token. */
export function tokenScopeOf(pathname: string): TokenScope {
  return pathname === STASH_HOOK_PATH ? "stash-hook" : "app";
}

/** The sign-in page that returns to `target` afterwards. */
export function loginPathFor(target: string): string {
  return target === "/" ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(target)}`;
}

// Stands for this app's origin: only the path of a return address is kept, so any origin
// that is not a real host works, and the request's Host header (a client's word) is not read.
const APP_ORIGIN = "http://stash-sync.invalid";

/**
 * Where to go after signing in: only a path on this site, as a browser will read it. Browsers
 * drop tabs and newlines from addresses and read `\` as `/`, so `/\t/evil.example` is
 * `//evil.example`, another site: the return path is parsed as a URL against this app's
 * origin and kept only when the origin stays the same, before and after normalisation.
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || next.length > 2000 || !next.startsWith("/")) return "/";
  // Control characters (tab, CR, LF) are never part of a real path and break a Location header.
  if ([...next].some((c) => c < " " || c === "\u007f")) return "/";
  const path = sameOriginPath(next);
  // A normalised path can start with `//` again (`/.//evil.example`): check it once more.
  return path !== null && sameOriginPath(path) === path ? path : "/";
}

function sameOriginPath(text: string): string | null {
  try {
    const url = new URL(text, APP_ORIGIN);
    if (url.origin !== APP_ORIGIN) return null;
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path.startsWith("//") ? null : path;
  } catch {
    return null;
  }
}
