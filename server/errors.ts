/**
 * The one way domain code fails. Each code has a meaning a person can act on; transports map
 * codes to their own statuses in one place (server/api/error-status.ts), and nobody else turns
 * errors into user-facing strings.
 */
export const appErrorCodes = [
  "BAD_INPUT",
  "NOT_FOUND",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "RATE_LIMITED",
  "STASH_UNREACHABLE",
  "STASH_UNAUTHORIZED",
  "STASH_INCOMPATIBLE",
  "STASH_BAD_RESPONSE",
  "SYNC_ALREADY_RUNNING",
  "CONFIG_INVALID",
  "WRITES_DISABLED",
  "RESTORE_CONFLICT",
  "PLAN_ALREADY_RUN",
  "PLAN_APPLYING",
  "CHANGE_SETTLED",
  "SHUTTING_DOWN",
  "SCHEMA_INCOMPLETE",
] as const;

export type AppErrorCode = (typeof appErrorCodes)[number];

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Extra facts a client may use, e.g. the running job's id. Never secrets. */
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** An error's message for a log line or a failed entity's reason, whatever was thrown. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  // Some drivers throw plain objects (Prisma's SQLite adapter: `{ code: "SQLITE_BUSY" }`).
  if (typeof error === "object" && error !== null) {
    const { message, code } = error as { message?: unknown; code?: unknown };
    if (typeof message === "string") return message;
    if (typeof code === "string") return code;
  }
  return String(error);
}
