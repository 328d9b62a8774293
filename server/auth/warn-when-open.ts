import { logger } from "../logger";
import { accessControlEnabled } from "./access-token";

export const OPEN_ACCESS_WARNING =
  "STASH_SYNC_TOKEN is not set: anyone who can reach this server can use it";

let warned = false;

/** Logs, once per process, that the app is open; called when the server starts. */
export function warnIfAccessIsOpen(): void {
  if (warned || accessControlEnabled()) return;
  warned = true;
  logger.warn(OPEN_ACCESS_WARNING);
}
