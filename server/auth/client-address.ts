import ipaddr from "ipaddr.js";

/**
 * The connecting client's address, as the server's request hook stamped it on the request
 * (stamp-client-address.ts). Next keeps an `X-Forwarded-For` that a client sent, so that header
 * cannot name the client; the stamp carries a per-process secret, so a client cannot forge it.
 */
export const CLIENT_ADDRESS_HEADER = "x-stash-sync-client";

/** Requests without a valid stamp (no hook installed) share this one key. */
export const UNKNOWN_CLIENT = "unknown";

const STAMP_SECRET = Symbol.for("stash-sync.client-address-secret");

type StampHolder = { [STAMP_SECRET]?: string };

/** The secret every stamp starts with; on globalThis because Next bundles the proxy apart. */
export function stampSecret(): string | undefined {
  return (globalThis as StampHolder)[STAMP_SECRET];
}

export function setStampSecret(secret: string): void {
  (globalThis as StampHolder)[STAMP_SECRET] = secret;
}

export function stampValue(address: string): string {
  return `${stampSecret()} ${address}`;
}

/** The client's address from a stamped request, or UNKNOWN_CLIENT. */
export function clientAddress(headers: Headers): string {
  const secret = stampSecret();
  const value = headers.get(CLIENT_ADDRESS_HEADER);
  if (!secret || !value?.startsWith(`${secret} `)) return UNKNOWN_CLIENT;
  return value.slice(secret.length + 1) || UNKNOWN_CLIENT;
}

/**
 * The key a client is counted under: its IPv4 address, or its IPv6 /64, since one host is
 * usually given a whole /64 and could otherwise change address at every attempt.
 */
export function clientKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const prefix = ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`);
  return `${prefix.toString()}/64`;
}
