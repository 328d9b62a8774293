import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import { redactSecrets } from "../auth/redact-secrets";
import type { AppError } from "../errors";
import { errorStatus } from "./error-status";
import { refusalHeaders } from "./http-errors";

/**
 * The proxy's refusal of a tRPC call, in tRPC's own wire format (a superjson-encoded error
 * shape like trpc.ts's formatter makes), so a tRPC client reports UNAUTHORIZED instead of
 * "unable to transform response". One object answers a batch too: the client applies a
 * non-array body to every call in it.
 */
export function trpcErrorResponse(error: AppError): Response {
  const { trpc, http } = errorStatus[error.code];
  const shape = {
    message: redactSecrets(error.message),
    code: TRPC_ERROR_CODES_BY_KEY[trpc],
    data: {
      code: trpc,
      httpStatus: http,
      path: null,
      zodError: null,
      appCode: error.code,
      details: Object.keys(error.details).length > 0 ? error.details : null,
    },
  };
  return Response.json(
    { error: superjson.serialize(shape) },
    { status: http, headers: { "cache-control": "no-store", ...refusalHeaders(error) } },
  );
}
