import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "../server/api/root";

export type StashSyncError = TRPCClientError<AppRouter>;

/**
 * Narrows a caught error to the API's typed error. Its `data` carries `code` (tRPC's, e.g.
 * "CONFLICT"), `httpStatus`, `appCode` (the domain's, e.g. "SYNC_ALREADY_RUNNING"), `details`
 * (e.g. the running job's `jobId`) and, for bad input, `zodError` with the fields named.
 */
export function isStashSyncError(error: unknown): error is StashSyncError {
  return error instanceof TRPCClientError;
}
