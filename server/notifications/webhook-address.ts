import { lookup as dnsLookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

/**
 * Where a webhook may be sent. LAN and loopback receivers are normal (a home Discord or ntfy
 * bridge), so private ranges stay allowed; what is refused is the link-local range, where cloud
 * metadata services live (169.254.169.254 hands out a host's credentials), and the other
 * metadata addresses, however they are spelled (IPv4-mapped, NAT64).
 */
const METADATA_ADDRESSES = new Set([
  "fd00:ec2::254", // AWS's IPv6 metadata service
  "100.100.100.200", // Alibaba Cloud's metadata service
]);

/** Why an address may not receive webhooks, or null when it may. */
export function forbiddenWebhookAddress(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  let parsed = ipaddr.process(address);
  // NAT64 (64:ff9b::/96) reaches the IPv4 address in its last 32 bits.
  if (parsed.kind() === "ipv6" && parsed.range() === "rfc6052") {
    parsed = ipaddr.fromByteArray(parsed.toByteArray().slice(12));
  }
  if (METADATA_ADDRESSES.has(parsed.toString())) return "a cloud metadata address";
  const range = parsed.range();
  if (range === "linkLocal") return "a link-local address (cloud metadata services live there)";
  if (range === "unspecified") return "an unspecified address";
  return null;
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true });
let resolver: HostResolver = systemResolver;

/** For tests: answers for host names as a DNS server would, changing between calls if need be. */
export function setWebhookHostResolver(next: HostResolver | null): void {
  resolver = next ?? systemResolver;
}

/**
 * The addresses a webhook URL's host stands for, every one of them allowed; throws a
 * WebhookAddressError otherwise. An IP literal is its own address.
 */
export async function resolveWebhookHost(hostname: string): Promise<ResolvedAddress[]> {
  const bare = hostname.replace(/^\[(.*)\]$/, "$1");
  const addresses = ipaddr.isValid(bare)
    ? [{ address: bare, family: ipaddr.parse(bare).kind() === "ipv6" ? 6 : 4 }]
    : await resolver(bare).catch(() => {
        throw new WebhookAddressError(`${bare} does not resolve to an address`);
      });
  if (addresses.length === 0)
    throw new WebhookAddressError(`${bare} does not resolve to an address`);
  for (const { address } of addresses) {
    const reason = forbiddenWebhookAddress(address);
    if (reason) throw new WebhookAddressError(`${bare} resolves to ${address}, ${reason}`);
  }
  return addresses;
}

export class WebhookAddressError extends Error {
  override name = "WebhookAddressError";
}
