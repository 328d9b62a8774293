/**
 * Where a request comes from, as far as the browser tells us. Browsers send `Sec-Fetch-Site`
 * on every request and `Origin` on every POST, and page scripts cannot forge either; programs
 * (curl, Node) usually send neither, which is "unknown", not "cross-site".
 */
export type RequestSite = "same-origin" | "cross-site" | "unknown";

export function requestSite(headers: Headers): RequestSite {
  const fetchSite = headers.get("sec-fetch-site");
  // "none" is a person typing the address or using a bookmark.
  if (fetchSite === "same-origin" || fetchSite === "none") return "same-origin";
  // "same-site" is another origin under the same site (a sibling subdomain, another port):
  // still not this app, so it gets no more trust than a foreign site.
  if (fetchSite === "same-site" || fetchSite === "cross-site") return "cross-site";

  const origin = headers.get("origin");
  if (origin === null) return "unknown";
  // Behind a reverse proxy the browser's host is the forwarded one (as Next's own check reads it).
  const host = (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]?.trim();
  return host && originHost(origin) === host ? "same-origin" : "cross-site";
}

function originHost(origin: string): string | null {
  if (origin === "null") return null; // sandboxed frames, file: pages
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Whether the browser reached us over https (directly or through a TLS-terminating proxy), so
 * the session cookie gets `Secure` there and still works on plain-http localhost.
 */
export function isHttpsRequest(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin?.startsWith("https://")) return true;
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
