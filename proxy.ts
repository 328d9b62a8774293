import { NextResponse, type NextRequest } from "next/server";
import { appErrorResponse, httpErrorResponse } from "@/server/api/http-errors";
import { trpcErrorResponse } from "@/server/api/trpc-error-response";
import { rateLimitedError, refusedAccessError } from "@/server/auth/access-refusal";
import { authorizeRequest } from "@/server/auth/authorize-request";
import { isPublicPath, loginPathFor, tokenScopeOf } from "@/server/auth/public-paths";
import { requestSite } from "@/server/auth/request-site";
import { tokenGuessWaitSeconds } from "@/server/auth/token-guesses";
import { AppError } from "@/server/errors";

/**
 * The first gate (Next 16's proxy, formerly middleware): with STASH_SYNC_TOKEN set, every page,
 * server action, tRPC call and HTTP route needs the token as a bearer header or the session
 * cookie; only the sign-in page, the health check and static assets are open, and the Stash hook
 * route takes the hook token too (tokenScopeOf). It is not the only gate: the tRPC
 * context, the HTTP routes and server actions check access again, because Next resolves an
 * action by its id wherever it is posted, and a matcher change must not open anything.
 */
export function proxy(request: NextRequest): Response {
  try {
    const { pathname, search } = request.nextUrl;
    const api = pathname === "/api" || pathname.startsWith("/api/");
    // Posts to a page are server actions (the sign-in form's included); tRPC checks its own.
    const pagePost = !api && !["GET", "HEAD"].includes(request.method);
    const crossSite = pagePost && requestSite(request.headers) === "cross-site";

    if (isPublicPath(pathname)) {
      if (crossSite) return crossSiteActionResponse();
      const wait = pagePost ? tokenGuessWaitSeconds(request.headers) : 0;
      // The app's own sign-in form, run by its script, shows the wait itself (the action
      // judges nothing meanwhile); any other post gets the status a program can act on.
      const ownForm =
        request.headers.has("next-action") && requestSite(request.headers) === "same-origin";
      return wait > 0 && !ownForm ? signInLimitedResponse(wait) : NextResponse.next();
    }
    const access = authorizeRequest(request.headers, tokenScopeOf(pathname));
    if (access.authorized) return crossSite ? crossSiteActionResponse() : NextResponse.next();

    const refusal = refusedAccessError(access);
    if (pathname === "/api/trpc" || pathname.startsWith("/api/trpc/")) {
      return trpcErrorResponse(refusal);
    }
    // A server action (fetch or a form's POST) cannot follow a redirect to a page: refuse it.
    if (api || pagePost || request.headers.has("next-action") || refusal.code !== "UNAUTHORIZED") {
      return appErrorResponse(refusal);
    }
    return NextResponse.redirect(new URL(loginPathFor(pathname + search), request.url));
  } catch (error) {
    // E.g. invalid configuration: fail closed, without internals.
    return httpErrorResponse(error);
  }
}

/**
 * Next itself aborts an action whose Origin is another site's, but answers 500 as if the
 * server had failed (Next 16 hard-codes that status): refuse it here first, as what it is.
 */
function crossSiteActionResponse(): Response {
  return appErrorResponse(
    new AppError("FORBIDDEN", "Cross-site request refused: this form belongs to another site."),
  );
}

/** A sign-in post while its client must wait: plain text, which a browser shows as it is. */
function signInLimitedResponse(retryAfterSeconds: number): Response {
  return new Response(rateLimitedError(retryAfterSeconds).message, {
    status: 429,
    headers: {
      "content-type": "text/plain",
      "retry-after": String(retryAfterSeconds),
      "cache-control": "no-store",
    },
  });
}

export const config = {
  // Static assets only: everything else, tRPC paths with dots included, goes through the gate.
  matcher: ["/((?!_next/static/|_next/image|favicon\\.ico$).*)"],
};
