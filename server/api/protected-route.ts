import { refusedAccessError } from "../auth/access-refusal";
import type { TokenScope } from "../auth/access-token";
import { authorizeRequest, type Credential } from "../auth/authorize-request";
import { CROSS_SITE_REFUSED_MESSAGE, writeRequestTrusted } from "../auth/cross-site-writes";
import { requestSite } from "../auth/request-site";
import { AppError } from "../errors";
import { appErrorResponse, httpErrorResponse, type HttpErrorOptions } from "./http-errors";

/** What a handler learns about its caller: how they got in (never their secret). */
export interface RouteCaller {
  credential: Credential;
}

/**
 * A plain HTTP route handler with the access check and the error mapping every route needs:
 * the handler only turns a request and its path parameters into a response. A route that
 * changes something refuses cross-site requests as tRPC mutations do.
 */
export function protectedRoute<Params>(
  handle: (request: Request, params: Params, caller: RouteCaller) => Promise<Response>,
  options: HttpErrorOptions & { writes?: boolean; scope?: TokenScope } = {},
) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    // Checked here too, not only in the proxy: a matcher change must never open a route.
    const access = authorizeRequest(request.headers, options.scope);
    if (!access.authorized) return appErrorResponse(refusedAccessError(access));
    try {
      if (options.writes && !writeRequestTrusted(access.credential, requestSite(request.headers))) {
        throw new AppError("FORBIDDEN", CROSS_SITE_REFUSED_MESSAGE);
      }
      return await handle(request, await context.params, { credential: access.credential });
    } catch (error) {
      return httpErrorResponse(error, options);
    }
  };
}
