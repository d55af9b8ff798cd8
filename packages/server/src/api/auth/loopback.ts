// Is this request from the machine's own user? Local mode (docs/security.md) trusts a request that
// comes from a loopback peer AND names a loopback host: the peer check keeps the network out, the Host
// check keeps out web pages that rebind their own DNS name to 127.0.0.1 (DNS rebinding: the browser
// still sends the attacker's name as Host). A request relayed by a proxy on the same machine arrives
// from loopback too; the forwarding headers every common proxy adds mark it as not local.
import type { FastifyRequest } from 'fastify';
import { isLoopbackHost } from '../../config.ts';

const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];

/** The peer addresses loopback sockets report, answered without isLoopbackHost's regex. */
const LOOPBACK_PEERS = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The TCP peer is this machine (the socket's address, never a header). */
export function fromLoopbackPeer(req: FastifyRequest): boolean {
  const peer = req.socket?.remoteAddress ?? req.raw.socket?.remoteAddress;
  return peer !== undefined && (LOOPBACK_PEERS.has(peer) || isLoopbackHost(peer));
}

/**
 * Host headers already judged: a client sends the same one with every request, and this check runs
 * on every request. Bounded, since the header is the client's to choose.
 */
const hostsSeen = new Map<string, boolean>();
const HOSTS_KEPT = 64;

/** `localhost:8080`, `127.0.0.1`, `[::1]:8080` → true; a name or a routable address → false. */
export function isLoopbackHostHeader(host: string | undefined): boolean {
  if (!host) return false;
  const seen = hostsSeen.get(host);
  if (seen !== undefined) return seen;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
  const loopback = isLoopbackHost(name);
  if (hostsSeen.size >= HOSTS_KEPT) hostsSeen.clear();
  hostsSeen.set(host, loopback);
  return loopback;
}

/** A loopback peer, a loopback Host, and no proxy in between. */
export function isLocalRequest(req: FastifyRequest): boolean {
  if (!fromLoopbackPeer(req) || !isLoopbackHostHeader(req.headers.host)) return false;
  return !FORWARDED.some((h) => req.headers[h] !== undefined);
}
