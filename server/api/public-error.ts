import { ZodError } from "zod";
import { redactSecrets } from "../auth/redact-secrets";
import { isAppError, type AppErrorCode } from "../errors";
import { errorStatus } from "./error-status";
import { INTERNAL_ERROR_MESSAGE, logUnexpectedError } from "./unexpected-error";

/**
 * What any caller (a server action, an HTTP route, a tRPC client) is told about a failure. Every
 * transport builds its answer from this one mapping, so codes, messages, field names and the
 * removal of secrets agree whichever door a request came through.
 */
export interface PublicError {
  code: AppErrorCode | "INTERNAL";
  message: string;
  /** E.g. the running job's id for SYNC_ALREADY_RUNNING. Never secrets. */
  details: Record<string, unknown>;
  /** Bad input, by field name; null when the failure is not about one field. */
  fields: Record<string, string[]> | null;
  /** The HTTP status that goes with the code. */
  status: number;
}

export interface PublicErrorOptions {
  /** Where the failure happened, for the log line of an unexpected error. */
  where: string;
  /** Names the caller used, for schema paths that differ (e.g. `filter.syncType` → `sync_type`). */
  fieldNames?: Record<string, string>;
}

export function publicError(error: unknown, options: PublicErrorOptions): PublicError {
  if (isAppError(error)) {
    // Domain code names a bad parameter in details.field (e.g. an unreadable cursor).
    const field = error.details.field;
    const message = redactSecrets(error.message);
    return {
      code: error.code,
      message,
      details: error.details,
      fields:
        error.code === "BAD_INPUT" && typeof field === "string" ? { [field]: [message] } : null,
      status: errorStatus[error.code].http,
    };
  }
  if (error instanceof ZodError) return badInput(error, options.fieldNames ?? {});
  logUnexpectedError(options.where, error);
  return {
    code: "INTERNAL",
    message: INTERNAL_ERROR_MESSAGE,
    details: {},
    fields: null,
    status: 500,
  };
}

function badInput(error: ZodError, fieldNames: Record<string, string>): PublicError {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    const name = fieldNames[path] ?? (path || "(input)");
    (fields[name] ??= []).push(redactSecrets(issue.message));
  }
  const message = Object.entries(fields)
    .map(([name, problems]) => `${name}: ${problems.join("; ")}`)
    .join(". ");
  return { code: "BAD_INPUT", message, details: {}, fields, status: errorStatus.BAD_INPUT.http };
}
