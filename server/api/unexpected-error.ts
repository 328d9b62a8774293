import { logger } from "../logger";

/**
 * What a caller sees instead of an unexpected error's own message, which may name files, SQL or
 * Stash's address. The real message goes to the server's log (the logger removes secrets).
 */
export const INTERNAL_ERROR_MESSAGE =
  "Something went wrong on the server. Its log has the details; try again.";

export function logUnexpectedError(where: string, error: unknown): void {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  logger.error(`${where} failed: ${text}`);
}
