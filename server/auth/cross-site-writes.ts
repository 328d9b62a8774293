import type { Credential } from "./authorize-request";
import type { RequestSite } from "./request-site";

export const CROSS_SITE_REFUSED_MESSAGE =
  "Cross-site request refused: send the access token as a bearer header.";

/**
 * Whether a request that changes something (a tRPC mutation, a POST route) may run. A session
 * cookie is only trusted with positive evidence of a same-origin page, so a form on another
 * site cannot drive a change (SameSite=Lax already keeps the cookie off cross-site POSTs; this
 * holds even without it, and for an open server on localhost). A bearer token is never sent by
 * a browser on its own (nor is the hook token), so it needs no origin check; in-process
 * callers have no site.
 */
export function writeRequestTrusted(
  credential: Credential | null | undefined,
  site: RequestSite | undefined,
): boolean {
  if (credential === "bearer" || credential === "hook") return true;
  return (
    site === undefined || site === "same-origin" || (site === "unknown" && credential !== "session")
  );
}
