import type { StashConnectionStatus } from "@/server/connection/stash-connection-schema";

/** What to do about each kind of failure, beside Stash's own message. */
const advice: Partial<Record<string, string>> = {
  STASH_UNREACHABLE:
    "Check the address (it ends in /graphql) and that Stash is running and reachable from this server.",
  STASH_UNAUTHORIZED:
    "Stash refused the API key. Copy it again from Stash → Settings → Security → API Key.",
  STASH_INCOMPATIBLE: "Update Stash to a current release.",
  STASH_BAD_RESPONSE: "Is this address Stash's GraphQL endpoint? It usually ends in /graphql.",
  CONFIG_INVALID: "Correct the setting named in the message.",
  NOT_STASH:
    "Check the address (Stash's GraphQL endpoint usually ends in /graphql) and the API key. Why a test failed is told only for the saved address: save this one with its key, then test again.",
};

/** A connection check's result in words: reachable with version and scenes, or what failed. */
export function ConnectionStatusText({ status }: { status: StashConnectionStatus }) {
  switch (status.state) {
    case "unconfigured":
      return (
        <p className="text-sm">
          Stash is not configured yet. Enter its GraphQL address in Settings, or set STASH_URL.
        </p>
      );
    case "reachable":
      return (
        <p className="text-sm">
          <span className="font-medium text-event-green">Connected</span> to Stash{" "}
          {status.version ?? "(version unknown)"} at <span className="break-all">{status.url}</span>{" "}
          — {status.sceneCount.toLocaleString()} scenes.
        </p>
      );
    case "error":
      return (
        <div className="flex flex-col gap-1 text-sm">
          <p>
            <span className="font-medium text-destructive">Not connected</span> to{" "}
            <span className="break-all">{status.url}</span>: {status.message}
          </p>
          {advice[status.code] ? (
            <p className="text-muted-foreground">{advice[status.code]}</p>
          ) : null}
        </div>
      );
  }
}
