import { isAppError, type AppError, type AppErrorCode } from "../errors";
import { publicError } from "./public-error";

/**
 * How plain HTTP routes fail: `{ error: { code, message, fields?, details? } }`, built from the
 * one mapping every transport shares (public-error.ts).
 */
export interface HttpErrorBody {
  error: {
    code: AppErrorCode | "INTERNAL";
    message: string;
    /** Bad input, by parameter name. */
    fields?: Record<string, string[]>;
    /** E.g. the running job's id for SYNC_ALREADY_RUNNING. */
    details?: Record<string, unknown>;
  };
}

export interface HttpErrorOptions {
  /** Names the caller used, for schema paths that differ (e.g. `filter.syncType` → `sync_type`). */
  fieldNames?: Record<string, string>;
}

export function httpErrorResponse(error: unknown, options: HttpErrorOptions = {}): Response {
  const answer = publicError(error, { where: "HTTP route", fieldNames: options.fieldNames });
  const body: HttpErrorBody = { error: { code: answer.code, message: answer.message } };
  if (answer.fields) body.error.fields = answer.fields;
  if (Object.keys(answer.details).length > 0) body.error.details = answer.details;
  return json(answer.status, body, isAppError(error) ? refusalHeaders(error) : {});
}

/** Headers a refusal carries: how to authenticate, or how long to wait. */
export function refusalHeaders(error: AppError): Record<string, string> {
  if (error.code === "UNAUTHORIZED") return { "www-authenticate": 'Bearer realm="stash-sync"' };
  const wait = error.details.retryAfterSeconds;
  if (error.code === "RATE_LIMITED" && typeof wait === "number") {
    return { "retry-after": String(wait) };
  }
  return {};
}

export function appErrorResponse(error: AppError): Response {
  return httpErrorResponse(error);
}

function json(status: number, body: HttpErrorBody, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}
