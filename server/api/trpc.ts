import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { isAppError } from "../errors";
import { errorStatus } from "./error-status";

export interface ApiContext {
  /** Whether the caller presented the access token (or none is configured). */
  authorized: boolean;
}

const t = initTRPC.context<ApiContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      // Never a stack trace in a response.
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        // Bad input names its fields.
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        appCode: isAppError(cause) ? cause.code : null,
        details: isAppError(cause) ? cause.details : null,
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

const requireAccess = t.middleware(({ ctx, next }) => {
  if (!ctx.authorized) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in or send the access token." });
  }
  return next();
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Every procedure goes through access control: there is no unprotected builder. */
export const protectedProcedure = t.procedure.use(mapAppErrors).use(requireAccess);
