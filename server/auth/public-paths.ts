/** The sign-in page: the one page (and its action) open without the token. */
export const LOGIN_PATH = "/login";

export function isPublicPath(pathname: string): boolean {
  return pathname === LOGIN_PATH;
}

/** The sign-in page that returns to `target` afterwards. */
export function loginPathFor(target: string): string {
  return target === "/" ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(target)}`;
}

/**
 * Where to go after signing in: only a path on this site. `//evil.example` and `/\evil.example`
 * are other sites to a browser, so they fall back to the dashboard (no open redirect).
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}
