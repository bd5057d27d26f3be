import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { isIP } from 'node:net';

/**
 * Which addresses a webhook may be delivered to (server-side request forgery guard). Refused unless
 * WEBHOOK_ALLOW_PRIVATE_URLS is on: loopback, private (RFC 1918, unique local), link-local (including the cloud
 * metadata address 169.254.169.254), carrier-grade NAT (also Alibaba's metadata 100.100.100.200), unspecified,
 * multicast, broadcast and reserved ranges, and IPv6 forms that embed such an IPv4 address (::ffff:a.b.c.d,
 * 64:ff9b::/96, 2002::/16). Pure functions except `resolveHost`.
 */
type Range = { base: bigint; bits: number; size: 32 | 128; reason: string };

const V4_RANGES: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified ("this network")'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT (shared)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved (and broadcast)'],
];

const V6_RANGES: [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'discard-only'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique local (private)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local (deprecated, private)'],
  ['ff00::', 8, 'multicast'],
];

const RANGES: Range[] = [
  ...V4_RANGES.map(([ip, bits, reason]) => ({ base: v4ToBigInt(ip), bits, size: 32 as const, reason })),
  ...V6_RANGES.map(([ip, bits, reason]) => ({ base: v6ToBigInt(ip), bits, size: 128 as const, reason })),
];

/**
 * Why an IP address is not a public unicast address (e.g. "loopback"), or null when it is. Throws on something
 * that is not an IP address.
 */
export function nonPublicReason(address: string): string | null {
  const ip = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const version = isIP(ip);
  if (version === 4) return matchRange(v4ToBigInt(ip), 32);
  if (version !== 6) throw new Error(`Not an IP address: "${address}"`);
  const value = v6ToBigInt(ip);
  const embedded = embeddedV4(value);
  if (embedded !== null) {
    const reason = matchRange(embedded, 32);
    return reason === null ? null : `${reason}, embedded in IPv6`;
  }
  return matchRange(value, 128);
}

/** The IPv4 address inside IPv4-mapped (::ffff:0:0/96), IPv4-compatible, NAT64 (64:ff9b::/96) and 6to4 forms. */
function embeddedV4(value: bigint): bigint | null {
  const low32 = value & 0xffffffffn;
  if (value >> 32n === 0xffffn) return low32; // ::ffff:a.b.c.d
  if (value >> 32n === 0n && value > 1n) return low32; // ::a.b.c.d (deprecated)
  if (value >> 32n === 0x64ff9b0000000000000000n) return low32; // 64:ff9b::a.b.c.d
  if (value >> 112n === 0x2002n) return (value >> 80n) & 0xffffffffn; // 2002:aabb:ccdd::/48
  return null;
}

function matchRange(value: bigint, size: 32 | 128): string | null {
  for (const range of RANGES) {
    if (range.size !== size) continue;
    const shift = BigInt(size - range.bits);
    if (value >> shift === range.base >> shift) return range.reason;
  }
  return null;
}

function v4ToBigInt(ip: string): bigint {
  return ip.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function v6ToBigInt(ip: string): bigint {
  let text = ip.split('%')[0];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = v4ToBigInt(dotted[1]);
    text = `${text.slice(0, dotted.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups].reduce(
    (acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)),
    0n,
  );
}

/** Thrown when a webhook URL points (or resolves) to an address the policy refuses. */
export class WebhookAddressRefusedError extends Error {}

/** The host of a URL without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

export type Resolver = (host: string) => Promise<string[]>;

/** Every address the host resolves to (as the HTTP client would look it up). */
export const resolveHost: Resolver = (host) =>
  new Promise((resolve, reject) => {
    const options: LookupAllOptions = { all: true };
    dnsLookup(host, options, (err, addresses: LookupAddress[]) =>
      err ? reject(err) : resolve(addresses.map((a) => a.address)),
    );
  });

/**
 * Checks that every address of the URL's host is public; throws WebhookAddressRefusedError saying which address
 * and why otherwise (or when the host does not resolve). IP literals are checked without a lookup.
 */
export async function assertPublicWebhookUrl(url: URL, resolve: Resolver = resolveHost): Promise<void> {
  const host = hostOf(url);
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = await resolve(host);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
      throw new WebhookAddressRefusedError(`its host ${host} does not resolve (${code})`);
    }
    if (!addresses.length) throw new WebhookAddressRefusedError(`its host ${host} has no address`);
  }
  for (const address of addresses) {
    const reason = nonPublicReason(address);
    if (reason !== null) {
      throw new WebhookAddressRefusedError(
        host === address
          ? `${address} is not a public address (${reason})`
          : `its host ${host} resolves to ${address}, which is not a public address (${reason})`,
      );
    }
  }
}
