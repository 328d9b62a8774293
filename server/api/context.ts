import { authorizeRequest } from "../auth/authorize-request";
import { requestSite } from "../auth/request-site";
import type { ApiContext } from "./trpc";

/**
 * The request's context: whether the caller may use the API at all (token or session), and
 * where the request came from, which the access middleware reads for mutations.
 */
export function createApiContext(headers: Headers): ApiContext {
  const access = authorizeRequest(headers);
  return {
    authorized: access.authorized,
    credential: access.credential,
    ...(access.authorized ? {} : { retryAfterSeconds: access.retryAfterSeconds }),
    site: requestSite(headers),
  };
}
