/**
 * SSRF policy: which addresses Roundup may connect to.
 *
 * Feed URLs come from a config file, and redirects come from whoever runs the feed's server, so a
 * URL could point the digest host at itself or its intranet (127.0.0.1, 10.x, 169.254.169.254 cloud
 * metadata, …). By default we only connect to *public unicast* addresses:
 *
 * - Only `http:` and `https:` URLs are fetched.
 * - The address is checked where the connection is made, not on the URL text: a custom DNS
 *   `lookup` rejects a host name if ANY of its addresses is non-public (so a name cannot mix a
 *   public and a private answer), IP literals are checked before connecting, and the socket's
 *   remote address is checked again once connected (both in the pooled agents, agents.ts).
 * - Every redirect hop is a new request and passes the same checks.
 * - "Public" means ipaddr.js classifies the address as `unicast`. Everything else is refused:
 *   loopback, private (RFC 1918), unique-local, link-local, carrier-grade NAT, multicast,
 *   broadcast, unspecified, documentation/benchmark/reserved ranges, and IPv6 forms that embed
 *   an IPv4 address (IPv4-mapped ones are unwrapped and judged as IPv4; 6to4, Teredo and NAT64
 *   are refused outright).
 *
 * `fetch.allowPrivateNetworks: true` switches the guard off (intranet feeds, tests on 127.0.0.1);
 * the scheme rule still applies. Callers of fetchUrl may instead pass `allowAddresses` (CIDR list)
 * to let through only named ranges while the guard stays on.
 */
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { FetchFailure } from './fetch-error.js';

const RANGE_WORDS: Record<string, string> = {
  private: 'private',
  loopback: 'loopback',
  linkLocal: 'link-local',
  uniqueLocal: 'private',
  multicast: 'multicast',
  broadcast: 'broadcast',
  unspecified: 'unspecified',
  carrierGradeNat: 'carrier-grade NAT',
};

/** null when the address is public, else the kind of non-public address ("private", "loopback", …). */
export function nonPublicKind(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) {
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  }

  const range = ip.range();
  // IPv4-compatible ::a.b.c.d (::/96, deprecated by RFC 4291): ipaddr.js calls it unicast, and some
  // stacks route it to the IPv4 address inside (::127.0.0.1 → loopback)
  if (range === 'unicast' && ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).parts.slice(0, 6).every((p) => p === 0)) return 'IPv4-compatible';
  if (range === 'unicast') return null;
  return RANGE_WORDS[range] ?? 'non-public';
}

export function blockedFailure(address: string, kind: string): FetchFailure {
  return new FetchFailure(`blocked: resolves to ${kind} address ${address}`);
}

/** What may be connected to: everything, or public addresses plus an explicit allow list. */
export interface AddressPolicy {
  allowPrivateNetworks: boolean;
  /** CIDR ranges allowed even with the guard on (e.g. one intranet server) */
  allowed: [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

export function makeAddressPolicy(allowPrivateNetworks: boolean, allowAddresses: string[] = []): AddressPolicy {
  const allowed = allowAddresses.map((cidr) => {
    const bare = !cidr.includes('/') && ipaddr.isValid(cidr);
    const text = bare ? `${cidr}/${ipaddr.parse(cidr).kind() === 'ipv4' ? 32 : 128}` : cidr;
    if (!ipaddr.isValidCIDR(text)) throw new FetchFailure(`allowed address "${cidr}" is not an IP address or CIDR range`);
    return ipaddr.parseCIDR(text);
  });
  return { allowPrivateNetworks, allowed };
}

function isAllowListed(policy: AddressPolicy, address: string): boolean {
  if (policy.allowed.length === 0 || !ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  return policy.allowed.some(([range, bits]) => ip.kind() === range.kind() && ip.match(range, bits));
}

/** Throws when the address may not be connected to under the policy. */
export function assertAddressAllowed(address: string, policy: AddressPolicy): void {
  if (policy.allowPrivateNetworks || isAllowListed(policy, address)) return;
  const kind = nonPublicKind(address);
  if (kind) throw blockedFailure(address, kind);
}

export function assertSchemeAllowed(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchFailure(`unsupported URL scheme "${url.protocol.replace(/:$/, '')}" (only http and https)`);
  }
}

/** URL host name without IPv6 brackets, as net.connect wants it. */
export function connectHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** For IP-literal hosts no DNS lookup happens, so they are checked here before connecting. */
export function assertLiteralHostAllowed(url: URL, policy: AddressPolicy): void {
  const host = connectHost(url);
  if (net.isIP(host)) assertAddressAllowed(host, policy);
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http.request that refuses names resolving to any address the policy refuses.
 * Honours `options.all`, which Node's happy-eyeballs connect asks for.
 */
export function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      try {
        for (const { address } of addresses) assertAddressAllowed(address, policy);
      } catch (blocked) {
        return callback(blocked as NodeJS.ErrnoException, '');
      }
      if (addresses.length === 0) {
        const notFound = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
        return callback(notFound, '');
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
