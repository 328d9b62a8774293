import type { LookupFunction } from "node:net";
import { Agent, fetch } from "undici";
import { resolveWebhookHost, WebhookAddressError } from "./webhook-address";

// Connections go to the addresses this lookup allowed: no second DNS answer between the check
// and the connection (DNS rebinding) can send a webhook elsewhere.
const checkedLookup: LookupFunction = (hostname, options, callback) => {
  resolveWebhookHost(hostname).then(
    (addresses) => {
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    },
    (error: Error) => callback(error as NodeJS.ErrnoException, "", 0),
  );
};

const agent = new Agent({ connect: { lookup: checkedLookup } });

export type WebhookPostResult =
  | { status: number }
  | { status: null; failure: "timeout" | "unreachable" | "forbidden"; reason?: string };

/**
 * One POST of a webhook's JSON body. A user name and password in the URL are sent as Basic
 * authorization (fetch refuses URLs that carry them), never as part of the address.
 */
export async function postWebhook(
  url: string,
  body: string,
  timeoutMs: number,
): Promise<WebhookPostResult> {
  const target = new URL(url);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "stash-sync",
  };
  if (target.username || target.password) {
    const credentials = `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`;
    headers.authorization = `Basic ${Buffer.from(credentials).toString("base64")}`;
    target.username = "";
    target.password = "";
  }
  try {
    // An IP literal never reaches the lookup: check it here.
    await resolveWebhookHost(target.hostname);
    const response = await fetch(target, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "manual",
      dispatcher: agent,
    });
    // Drain the body so the connection is released.
    await response.arrayBuffer().catch(() => undefined);
    return { status: response.status };
  } catch (error) {
    const forbidden = findAddressError(error);
    if (forbidden) return { status: null, failure: "forbidden", reason: forbidden.message };
    const name = error instanceof Error ? error.name : "";
    return { status: null, failure: name === "TimeoutError" ? "timeout" : "unreachable" };
  }
}

function findAddressError(error: unknown): WebhookAddressError | null {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e instanceof WebhookAddressError) return e;
  }
  return null;
}
