// The credential a request carries, read from its headers (and, for a WebSocket upgrade, from where a
// browser can put one: `?access_token=` or a `access_token.<token>` subprotocol, since a browser's
// WebSocket cannot set headers). Only reads; checking is the AuthService's.
import { API_KEY_PREFIX } from '@songnodes/services';
import type { FastifyRequest } from 'fastify';

export type CredentialRead =
  | { kind: 'none' }
  /** An access token (JWT) or an API key (`snk_…`): the AuthService tells them apart. */
  | { kind: 'found'; credential: string }
  /** Something that claims to be a credential but cannot be one: 401, never a silent guest. */
  | { kind: 'malformed'; reason: string };

/** The WebSocket subprotocol that carries a token: `access_token.<token>`. */
export const TOKEN_SUBPROTOCOL = 'access_token.';

function fromUpgrade(req: FastifyRequest): string | undefined {
  if (req.headers.upgrade?.toLowerCase() !== 'websocket') return undefined;
  const q = (req.query as Record<string, unknown> | undefined)?.access_token;
  if (typeof q === 'string' && q !== '') return q;
  const protocols = String(req.headers['sec-websocket-protocol'] ?? '').split(',');
  const p = protocols.map((x) => x.trim()).find((x) => x.startsWith(TOKEN_SUBPROTOCOL));
  return p ? p.slice(TOKEN_SUBPROTOCOL.length) : undefined;
}

export function readCredential(req: FastifyRequest): CredentialRead {
  const found: string[] = [];
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    const m = /^Bearer +(\S+) *$/i.exec(authorization);
    if (!m?.[1]) return { kind: 'malformed', reason: 'the Authorization header must be "Bearer <token>"' };
    found.push(m[1]);
  }
  const apiKey = req.headers['x-api-key'];
  if (apiKey !== undefined) {
    if (typeof apiKey !== 'string' || !apiKey.startsWith(API_KEY_PREFIX))
      return {
        kind: 'malformed',
        reason: `the X-API-Key header must hold one key starting with ${API_KEY_PREFIX}`,
      };
    found.push(apiKey);
  }
  const upgrade = fromUpgrade(req);
  if (upgrade !== undefined) found.push(upgrade);
  if (found.length === 0) return { kind: 'none' };
  if (new Set(found).size > 1)
    return { kind: 'malformed', reason: 'the request carries two different credentials; send one' };
  return { kind: 'found', credential: found[0] as string };
}
