// Server-side request forgery protection. A URL is fetched only when (1) it names a configured
// source host over http(s) on the default port, and (2) the address the socket actually connects to is
// public. (2) is checked twice: in the DNS lookup the connector uses (so nothing is ever sent to a
// refused address, and a DNS answer that changes between a check and the use is caught where it is
// used) and on the connected socket's remote address (IP literals never go through a lookup).
// Redirects are followed by the client one hop at a time, so every hop goes through both checks.
import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction, type Socket } from 'node:net';
import { buildConnector } from 'undici';
import { RefusedUrlError } from './errors.ts';

/** Addresses no scraper may reach: loopback, private, link-local (cloud metadata), CGNAT, multicast, reserved. */
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
] as const) {
  BLOCKED.addSubnet(net, bits, 'ipv6');
}

/** The IPv4 address an IPv6 address carries (IPv4-mapped, IPv4-compatible, NAT64, 6to4), if any. */
function embeddedIpv4(v6: string): string | null {
  const groups = expandIpv6(v6);
  if (!groups) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zero = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (deprecated compatible form)
  if (zero(0, 5) && (groups[5] === 0xffff || groups[5] === 0)) return v4(groups[6]!, groups[7]!);
  // 64:ff9b::a.b.c.d (NAT64 well-known prefix)
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zero(2, 6)) return v4(groups[6]!, groups[7]!);
  // 2002:AABB:CCDD::/48 (6to4)
  if (groups[0] === 0x2002) return v4(groups[1]!, groups[2]!);
  return null;
}

/** Eight 16-bit groups of an IPv6 address (dotted IPv4 tail allowed), or null when it is not one. */
function expandIpv6(address: string): number[] | null {
  let a = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (dotted) {
    const p = dotted[1]!.split('.').map(Number);
    a = `${a.slice(0, -dotted[1]!.length)}${((p[0]! << 8) | p[1]!).toString(16)}:${((p[2]! << 8) | p[3]!).toString(16)}`;
  }
  const [head, tail] = a.includes('::') ? a.split('::') : [a, undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = tail !== undefined ? 8 - h.length - t.length : 0;
  const all = [...h, ...Array(Math.max(0, fill)).fill('0'), ...t];
  if (all.length !== 8 || all.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  return all.map((g) => Number.parseInt(g, 16));
}

/** True when an IP address must never be connected to. Anything that is not an IP is refused too. */
export function isBlockedAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return BLOCKED.check(bare, 'ipv4');
  if (family !== 6) return true;
  const v4 = embeddedIpv4(bare);
  if (v4 !== null && BLOCKED.check(v4, 'ipv4')) return true;
  return BLOCKED.check(bare, 'ipv6');
}

/** Which addresses are refused: every blocked one, or (SCRAPER_ALLOW_PRIVATE_HOSTS, tests only) none. */
export type AddressCheck = (address: string) => boolean;

export const addressCheck = (allowPrivate: boolean): AddressCheck =>
  allowPrivate ? () => false : isBlockedAddress;

export interface UrlPolicy {
  /** Host names that may be fetched (the configured sources' hosts). */
  hosts: ReadonlySet<string>;
  /** Any port may be used (SCRAPER_ALLOW_PRIVATE_HOSTS, for local fixture servers). */
  anyPort: boolean;
  blocked: AddressCheck;
}

/**
 * Checks a URL a user (or a page) handed us before anything is fetched. The WHATWG URL parser has
 * already turned decimal, octal and hexadecimal IPv4 forms (http://2130706433/, http://0177.0.0.1/)
 * into dotted quads, so the literal check below sees the real address.
 */
export function checkUrl(raw: string | URL, policy: UrlPolicy): URL {
  let url: URL;
  try {
    url = typeof raw === 'string' ? new URL(raw) : raw;
  } catch {
    throw new RefusedUrlError(String(raw), 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new RefusedUrlError(url.href, `scheme ${url.protocol} is not http or https`);
  if (url.username || url.password) throw new RefusedUrlError(url.href, 'URLs with credentials are refused');
  if (!policy.anyPort && url.port !== '')
    throw new RefusedUrlError(url.href, `port ${url.port} is not the default port of ${url.protocol}`);
  const host = url.hostname.toLowerCase();
  const literal = isIP(host.replace(/^\[|\]$/g, '')) !== 0;
  if (literal && policy.blocked(host.replace(/^\[|\]$/g, '')))
    throw new RefusedUrlError(url.href, `address ${host} is private, loopback, link-local or reserved`);
  if (!policy.hosts.has(host))
    throw new RefusedUrlError(
      url.href,
      `host ${host} is not a configured source (${[...policy.hosts].join(', ')})`,
    );
  return url;
}

/** A DNS lookup that fails for names whose answers include a refused address. */
export function guardedLookup(
  blocked: AddressCheck,
  resolve: LookupFunction = dnsLookup as LookupFunction,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, answers) => {
      if (err) return callback(err, '', 0);
      const list = (Array.isArray(answers) ? answers : [{ address: answers, family: 4 }]) as {
        address: string;
        family: number;
      }[];
      const bad = list.find((a) => blocked(a.address));
      if (bad)
        return callback(
          new RefusedUrlError(hostname, `${hostname} resolves to ${bad.address}, a refused address`),
          '',
          0,
        );
      if (list.length === 0) return callback(new Error(`${hostname} has no address`), '', 0);
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/**
 * The connector of the scrapers' HTTP agent: connects through `guardedLookup`, then checks the
 * socket's remote address (covers IP literals, which skip the lookup).
 */
export function guardedConnector(opts: {
  blocked: AddressCheck;
  timeoutMs: number;
  /** DNS resolution (tests give one that answers differently each time). */
  resolve?: LookupFunction;
}): buildConnector.connector {
  const base = buildConnector({ timeout: opts.timeoutMs, lookup: guardedLookup(opts.blocked, opts.resolve) });
  return (options, callback) => {
    base(options, (err, socket) => {
      if (err) return callback(err, null);
      const remote = (socket as Socket).remoteAddress ?? '';
      if (opts.blocked(remote)) {
        socket!.destroy();
        return callback(
          new RefusedUrlError(
            options.hostname,
            `connected address ${remote} is private, loopback or link-local`,
          ),
          null,
        );
      }
      callback(null, socket!);
    });
  };
}
