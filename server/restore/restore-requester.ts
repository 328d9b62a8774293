import type { Credential } from "../auth/authorize-request";
import type { SyncTrigger } from "../domain/vocabulary";

/** Which door a restore came through: the History tab, the tRPC API or the HTTP route. */
export type RestoreDoor = "page" | "trpc" | "http";

/** Who asked for a restore, as recorded with it: how they got in, never their secret. */
export interface RestoreRequester {
  credential: Credential | null | undefined;
  door: RestoreDoor;
}

const credentialName: Record<Credential, string> = {
  session: "signed-in session",
  bearer: "API token",
  // Never reaches a restore: the hook token opens only the hook route.
  hook: "hook token",
  open: "open access (no token set)",
};

const doorName: Record<RestoreDoor, string> = {
  page: "History tab",
  trpc: "tRPC API",
  http: "HTTP API",
};

/** E.g. "API token via tRPC API"; in-process callers (tests, scripts) are "the server itself". */
export function requesterName({ credential, door }: RestoreRequester): string {
  const who = credential ? credentialName[credential] : "the server itself";
  return `${who} via ${doorName[door]}`;
}

/** The trigger of the specific sync that records the restore. */
export function restoreSyncTrigger({ door }: RestoreRequester): SyncTrigger {
  return door === "page" ? "ui" : "api";
}
