import { randomUUID } from "node:crypto";
import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";
import { env } from "../env";
import { CLIENT_ADDRESS_HEADER, setStampSecret, stampSecret, stampValue } from "./client-address";

interface RequestStart {
  request: IncomingMessage;
}

/**
 * Stamps every HTTP request this process serves with its client's address before Next sees
 * it: Node publishes each request on this channel ahead of the server's own handler, and the
 * proxy, routes and actions only see headers. The client is the socket's peer, or, when that
 * peer is a reverse proxy named in STASH_SYNC_TRUSTED_PROXIES, the address it forwarded.
 */
export function stampClientAddresses(): void {
  if (stampSecret()) return;
  setStampSecret(randomUUID());
  const trusted = proxyAddr.compile(env().STASH_SYNC_TRUSTED_PROXIES);
  diagnosticsChannel.subscribe("http.server.request.start", (message) => {
    const { request } = message as RequestStart;
    // Overwrites whatever a client sent under this name.
    request.headers[CLIENT_ADDRESS_HEADER] = stampValue(clientOf(request, trusted));
  });
}

function clientOf(request: IncomingMessage, trusted: (address: string, hop: number) => boolean) {
  try {
    return proxyAddr(request, trusted);
  } catch {
    // A malformed X-Forwarded-For from a trusted proxy: count the proxy itself.
    return request.socket.remoteAddress ?? "unknown";
  }
}
