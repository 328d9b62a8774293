import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { AppErrorCode } from "../errors";

/** How each domain error code is answered over tRPC and plain HTTP: the one mapping. */
export const errorStatus: Record<AppErrorCode, { trpc: TRPC_ERROR_CODE_KEY; http: number }> = {
  BAD_INPUT: { trpc: "BAD_REQUEST", http: 400 },
  NOT_FOUND: { trpc: "NOT_FOUND", http: 404 },
  UNAUTHORIZED: { trpc: "UNAUTHORIZED", http: 401 },
  FORBIDDEN: { trpc: "FORBIDDEN", http: 403 },
  RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", http: 429 },
  STASH_UNREACHABLE: { trpc: "SERVICE_UNAVAILABLE", http: 503 },
  STASH_UNAUTHORIZED: { trpc: "SERVICE_UNAVAILABLE", http: 503 },
  STASH_INCOMPATIBLE: { trpc: "SERVICE_UNAVAILABLE", http: 503 },
  STASH_BAD_RESPONSE: { trpc: "BAD_GATEWAY", http: 502 },
  SYNC_ALREADY_RUNNING: { trpc: "CONFLICT", http: 409 },
  CONFIG_INVALID: { trpc: "INTERNAL_SERVER_ERROR", http: 500 },
  WRITES_DISABLED: { trpc: "FORBIDDEN", http: 403 },
  RESTORE_CONFLICT: { trpc: "CONFLICT", http: 409 },
  PLAN_ALREADY_RUN: { trpc: "CONFLICT", http: 409 },
  PLAN_APPLYING: { trpc: "CONFLICT", http: 409 },
  CHANGE_SETTLED: { trpc: "CONFLICT", http: 409 },
  SHUTTING_DOWN: { trpc: "SERVICE_UNAVAILABLE", http: 503 },
  SCHEMA_INCOMPLETE: { trpc: "INTERNAL_SERVER_ERROR", http: 500 },
};
