// Cross-site request forgery: a foreign page can make the browser send a request that carries an
// ambient credential (the refresh cookie, or simply coming from this machine in local mode) but it
// cannot add a custom header without a CORS preflight, which a foreign origin fails. So every write
// that rides on an ambient credential must carry `X-SongNodes-CSRF: 1`, and when the browser names the
// page's origin, it must be ours or one of CORS_ORIGINS. Bearer tokens and API keys are not ambient
// (a page must hold them to send them) and need neither.
import { ServiceError } from '@songnodes/services';
import type { FastifyRequest } from 'fastify';

export const CSRF_HEADER = 'x-songnodes-csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isUnsafeMethod = (method: string) => !SAFE.has(method.toUpperCase());

/** The server's own origin as the browser sees it (scheme and Host of this request). */
export const ownOrigin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/** Throws `forbidden` unless the request proves it came from our own pages (or an allowed origin). */
export function checkCsrf(req: FastifyRequest, allowedOrigins: readonly string[]): void {
  if (req.headers[CSRF_HEADER] !== '1')
    throw new ServiceError(
      'forbidden',
      `this write rides on a cookie or on local mode and must carry the header X-SongNodes-CSRF: 1 (cross-site request protection)`,
    );
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== ownOrigin(req) && !allowedOrigins.includes(origin))
    throw new ServiceError(
      'forbidden',
      `origin ${origin} may not write here (allowed: this server's own origin and CORS_ORIGINS)`,
    );
}
