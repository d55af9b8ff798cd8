// The refresh token's cookie and what a session answer holds. The web app keeps its access token in
// memory only and its refresh token in this cookie: httpOnly (no script reads it, so an injected
// script cannot steal it), SameSite=Strict and scoped to /api/v1/auth (sent nowhere else), Secure when
// the request came over TLS. Reads and writes of the cookie need the CSRF header (csrf.ts).
import type { RequestContext, Session } from '@songnodes/services';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const REFRESH_COOKIE = 'songnodes_refresh';
const COOKIE_PATH = '/api/v1/auth';

export function setRefreshCookie(req: FastifyRequest, reply: FastifyReply, s: Session): void {
  reply.setCookie(REFRESH_COOKIE, s.refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    path: COOKIE_PATH,
    secure: req.protocol === 'https',
    expires: new Date(s.refreshExpiresAt),
  });
}

export function clearRefreshCookie(req: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    path: COOKIE_PATH,
    secure: req.protocol === 'https',
  });
}

export const refreshCookieOf = (req: FastifyRequest): string | undefined => req.cookies?.[REFRESH_COOKIE];

/** What the audit log records of a request: address, request id, browser. */
export const requestContext = (req: FastifyRequest): RequestContext => ({
  ip: req.ip,
  requestId: req.id,
  userAgent:
    typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'].slice(0, 200) : undefined,
});
