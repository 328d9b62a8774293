import { refusedAccessError } from "../auth/access-refusal";
import { authorizeRequest } from "../auth/authorize-request";
import { appErrorResponse, httpErrorResponse, type HttpErrorOptions } from "./http-errors";

/**
 * A plain HTTP route handler with the access check and the error mapping every route needs:
 * the handler only turns a request and its path parameters into a response.
 */
export function protectedRoute<Params>(
  handle: (request: Request, params: Params) => Promise<Response>,
  options: HttpErrorOptions = {},
) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    // Checked here too, not only in the proxy: a matcher change must never open a route.
    const access = authorizeRequest(request.headers);
    if (!access.authorized) return appErrorResponse(refusedAccessError(access));
    try {
      return await handle(request, await context.params);
    } catch (error) {
      return httpErrorResponse(error, options);
    }
  };
}
