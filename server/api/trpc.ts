import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import type { Credential } from "../auth/authorize-request";
import { refusedAccessError } from "../auth/access-refusal";
import { CROSS_SITE_REFUSED_MESSAGE, writeRequestTrusted } from "../auth/cross-site-writes";
import { redactSecrets } from "../auth/redact-secrets";
import type { RequestSite } from "../auth/request-site";
import { isAppError } from "../errors";
import { errorStatus } from "./error-status";
import { publicError } from "./public-error";
import { superjsonTransformer } from "./superjson-input";
import { INTERNAL_ERROR_MESSAGE, logUnexpectedError } from "./unexpected-error";

export interface ApiContext {
  /** Whether the caller presented the access token (or none is configured). */
  authorized: boolean;
  /** How the caller got in; absent for in-process callers (server components, tests). */
  credential?: Credential | null;
  /** Set when the caller guessed the token wrong too often and must wait. */
  retryAfterSeconds?: number;
  /** Where an HTTP request came from; absent for in-process callers. */
  site?: RequestSite;
}

const t = initTRPC.context<ApiContext>().create({
  transformer: superjsonTransformer,
  errorFormatter({ shape, error, path }) {
    const cause = error.cause;
    const where = `tRPC ${path ?? "(unknown path)"}`;
    // Domain errors are answered by the mapping every transport shares; tRPC's own refusals (bad
    // input, access) keep their message without secrets; anything else is logged and answered
    // with a generic message, since a raw one can name files, SQL or Stash's address.
    const domain = isAppError(cause) ? publicError(cause, { where }) : null;
    let message = domain?.message ?? redactSecrets(shape.message);
    if (!domain && error.code === "INTERNAL_SERVER_ERROR") {
      logUnexpectedError(where, cause ?? error);
      message = INTERNAL_ERROR_MESSAGE;
    }
    return {
      ...shape,
      message,
      // Never a stack trace in a response.
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        // Bad input names its fields (an output schema's failure is not the caller's input).
        zodError:
          error.code === "BAD_REQUEST" && cause instanceof ZodError ? z.flattenError(cause) : null,
        appCode: domain?.code ?? null,
        details: domain?.details ?? null,
      },
    };
  },
});

/** Domain errors become their tRPC codes here, once, for every procedure. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({
      code: errorStatus[cause.code].trpc,
      message: cause.message,
      cause,
    });
  }
  return result;
});

/**
 * Access control for every procedure. Mutations also refuse cross-site browser requests (see
 * cross-site-writes.ts), as POST routes do.
 */
const requireAccess = t.middleware(({ ctx, type, next }) => {
  if (!ctx.authorized) throw refusedAccessError(ctx);
  if (type === "mutation" && !writeRequestTrusted(ctx.credential, ctx.site)) {
    throw new TRPCError({ code: "FORBIDDEN", message: CROSS_SITE_REFUSED_MESSAGE });
  }
  return next();
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Every procedure goes through access control: there is no unprotected builder. */
export const protectedProcedure = t.procedure.use(mapAppErrors).use(requireAccess);
