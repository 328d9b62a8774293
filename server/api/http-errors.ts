import { ZodError } from "zod";
import { redactSecrets } from "../auth/redact-secrets";
import { isAppError, type AppError, type AppErrorCode } from "../errors";
import { errorStatus } from "./error-status";
import { INTERNAL_ERROR_MESSAGE, logUnexpectedError } from "./unexpected-error";

/**
 * How plain HTTP routes fail: `{ error: { code, message, fields?, details? } }` with the status
 * from the one mapping in error-status.ts. tRPC has its own formatter (trpc.ts); both agree on
 * codes and messages, and neither ever sends a stack trace or a secret.
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
  if (isAppError(error)) return appErrorResponse(error);
  if (error instanceof ZodError) return badInputResponse(error, options.fieldNames ?? {});
  logUnexpectedError("HTTP route", error);
  return json(500, { error: { code: "INTERNAL", message: INTERNAL_ERROR_MESSAGE } });
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
  const body: HttpErrorBody = {
    error: { code: error.code, message: redactSecrets(error.message) },
  };
  if (Object.keys(error.details).length > 0) body.error.details = error.details;
  // Domain code names a bad parameter in details.field (e.g. an unreadable cursor).
  const field = error.details.field;
  if (error.code === "BAD_INPUT" && typeof field === "string") {
    body.error.fields = { [field]: [error.message] };
  }
  return json(errorStatus[error.code].http, body, refusalHeaders(error));
}

function badInputResponse(error: ZodError, fieldNames: Record<string, string>): Response {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    const name = fieldNames[path] ?? (path || "(input)");
    (fields[name] ??= []).push(issue.message);
  }
  const message = Object.entries(fields)
    .map(([name, problems]) => `${name}: ${problems.join("; ")}`)
    .join(". ");
  return json(errorStatus.BAD_INPUT.http, { error: { code: "BAD_INPUT", message, fields } });
}

function json(status: number, body: HttpErrorBody, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}
