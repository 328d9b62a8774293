import type { TRPCError } from "@trpc/server";
import { isAppError } from "../errors";
import { refusalHeaders } from "./http-errors";

/** tRPC answers carry the same refusal headers as plain routes (WWW-Authenticate, Retry-After). */
export function trpcResponseMeta({ errors }: { errors: TRPCError[] }) {
  const headers: Record<string, string> = {};
  for (const error of errors) {
    if (isAppError(error.cause)) Object.assign(headers, refusalHeaders(error.cause));
  }
  return { headers };
}
