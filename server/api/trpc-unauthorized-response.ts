import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import superjson from "superjson";

/**
 * The proxy's refusal of a tRPC call, in tRPC's own wire format (a superjson-encoded error
 * shape like trpc.ts's formatter makes), so a tRPC client reports UNAUTHORIZED instead of
 * "unable to transform response". One object answers a batch too: the client applies a
 * non-array body to every call in it.
 */
export function trpcUnauthorizedResponse(): Response {
  const shape = {
    message: "Sign in or send the access token.",
    code: TRPC_ERROR_CODES_BY_KEY.UNAUTHORIZED,
    data: {
      code: "UNAUTHORIZED",
      httpStatus: 401,
      path: null,
      zodError: null,
      appCode: "UNAUTHORIZED",
      details: null,
    },
  };
  return Response.json(
    { error: superjson.serialize(shape) },
    {
      status: 401,
      headers: { "cache-control": "no-store", "www-authenticate": 'Bearer realm="stash-sync"' },
    },
  );
}
