import { NextResponse, type NextRequest } from "next/server";
import { httpErrorResponse, unauthorizedResponse } from "@/server/api/http-errors";
import { trpcUnauthorizedResponse } from "@/server/api/trpc-unauthorized-response";
import { authorizeRequest } from "@/server/auth/authorize-request";
import { isPublicPath, loginPathFor } from "@/server/auth/public-paths";

/**
 * The first gate (Next 16's proxy, formerly middleware): with STASH_SYNC_TOKEN set, every page,
 * server action, tRPC call and HTTP route needs the token as a bearer header or the session
 * cookie; only the sign-in page and static assets are open. It is not the only gate: the tRPC
 * context, the HTTP routes and server actions check access again, because Next resolves an
 * action by its id wherever it is posted, and a matcher change must not open anything.
 */
export function proxy(request: NextRequest): Response {
  try {
    const { pathname, search } = request.nextUrl;
    if (isPublicPath(pathname)) return NextResponse.next();
    if (authorizeRequest(request.headers).authorized) return NextResponse.next();

    if (pathname === "/api/trpc" || pathname.startsWith("/api/trpc/")) {
      return trpcUnauthorizedResponse();
    }
    if (pathname.startsWith("/api/")) return unauthorizedResponse();
    // A server action (fetch or a form's POST) cannot follow a redirect to a page: refuse it.
    if (request.headers.has("next-action") || !["GET", "HEAD"].includes(request.method)) {
      return unauthorizedResponse();
    }
    return NextResponse.redirect(new URL(loginPathFor(pathname + search), request.url));
  } catch (error) {
    // E.g. invalid configuration: fail closed, without internals.
    return httpErrorResponse(error);
  }
}

export const config = {
  // Static assets only: everything else, tRPC paths with dots included, goes through the gate.
  matcher: ["/((?!_next/static/|_next/image|favicon\\.ico$).*)"],
};
