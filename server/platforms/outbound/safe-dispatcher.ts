import dns from 'node:dns';
import net from 'node:net';
import { Agent, buildConnector } from 'undici';
import type { ExchangeObserver } from './http-client';

/**
 * Outbound connections for connection tests. The legacy API URL is typed by a user, so a
 * test could otherwise be aimed at the server's own network (SSRF). Addresses are checked
 * when the socket is about to connect, after DNS resolution, and every resolved address is
 * checked: a name that resolves to a public address at validation time and to a private one
 * at connect time (DNS rebinding) is still refused, and so is a redirect target, which is
 * never followed anyway.
 */

/** Thrown from inside the connector; recognised by its code wherever undici surfaces it. */
export class ForbiddenTargetError extends Error {
  readonly code = 'STORELINK_FORBIDDEN_TARGET';
  constructor() {
    super('Refused to connect to a private, local or reserved network address.');
    this.name = 'ForbiddenTargetError';
  }
}

const FORBIDDEN = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], // "this network", including the unspecified 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT; also Alibaba Cloud's metadata 100.100.100.200
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local; AWS, GCP and Azure metadata at 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments; Oracle Cloud metadata 192.0.0.192
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, including broadcast 255.255.255.255
] as const) {
  FORBIDDEN.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 96], // unspecified ::, loopback ::1 and the deprecated IPv4-compatible form
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments, including Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4, which embeds an arbitrary IPv4 address
  ['fc00::', 7], // unique-local; AWS metadata fd00:ec2::254
  ['fe80::', 10], // link-local
  ['fec0::', 10], // deprecated site-local
  ['ff00::', 8], // multicast
] as const) {
  FORBIDDEN.addSubnet(prefix, bits, 'ipv6');
}
// IPv4-mapped IPv6 (::ffff:a.b.c.d) needs no entry: BlockList checks it against the IPv4 rules.

const NAT64 = new net.BlockList();
NAT64.addSubnet('64:ff9b::', 96, 'ipv6');

/**
 * True for any address storelink must not connect to, and for anything that is not an IP
 * address at all: when in doubt, refuse.
 */
export function isForbiddenAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = net.isIP(ip);
  if (family === 4) return FORBIDDEN.check(ip, 'ipv4');
  if (family !== 6) return true;
  // Well-known NAT64 carries a real IPv4 address in its last 32 bits: judge that one, so that
  // IPv6-only hosts behind DNS64 still reach public APIs but not 64:ff9b::7f00:1.
  if (NAT64.check(ip, 'ipv6')) return isForbiddenAddress(embeddedIpv4(ip));
  return FORBIDDEN.check(ip, 'ipv6');
}

function embeddedIpv4(ipv6: string): string {
  // WHATWG URL prints IPv6 in canonical compressed hex form, which is easy to take apart.
  const groups = new URL(`http://[${ipv6}]/`).hostname.slice(1, -1).split(':');
  const [high, low] = groups.slice(-2).map((g) => parseInt(g || '0', 16));
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** A `lookup` for net.connect that resolves every address and refuses if any is forbidden. */
const guardedLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { family: options.family, hints: options.hints, all: true }, (err, addresses) => {
    if (err) {
      callback(err, '', 0);
      return;
    }
    // Refusing when any address is forbidden (not only the first) closes the gap where the
    // socket falls back from a public address to a private one of the same name.
    if (addresses.length === 0 || addresses.some((a) => isForbiddenAddress(a.address))) {
      callback(new ForbiddenTargetError(), '', 0);
      return;
    }
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  });
};

export interface OutboundDispatcherOptions {
  allowPrivateTargets: boolean;
  connectTimeoutMs: number;
  onExchange?: ExchangeObserver;
}

/** A connector's Agent; sendRequest reports each exchange sent through it to `onExchange`. */
export class OutboundDispatcher extends Agent {
  constructor(
    options: Agent.Options,
    readonly onExchange: ExchangeObserver | undefined,
  ) {
    super(options);
  }
}

/** An undici Agent that refuses forbidden addresses unless private targets are allowed. */
export function createOutboundDispatcher(options: OutboundDispatcherOptions): OutboundDispatcher {
  const connectTimeout = options.connectTimeoutMs;
  if (options.allowPrivateTargets) return new OutboundDispatcher({ connect: { timeout: connectTimeout } }, options.onExchange);

  const connectChecked = buildConnector({ timeout: connectTimeout, lookup: guardedLookup });
  return new OutboundDispatcher({
    connect: (target, callback) => {
      // An IP literal (including forms like https://2130706433/, which URL parsing has already
      // turned into 127.0.0.1) is never looked up by net.connect, so check it here.
      if (net.isIP(target.hostname) !== 0 && isForbiddenAddress(target.hostname)) {
        callback(new ForbiddenTargetError(), null);
        return;
      }
      connectChecked(target, callback);
    },
  }, options.onExchange);
}
