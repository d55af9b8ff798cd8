// Who is asking, decided once per request before anything else runs (the rate limiter keys on it):
// an access token or an API key when the request carries one, else the laptop's owner in local mode
// when the request is local (loopback.ts), else a guest. A credential that is present but bad is
// remembered as the request's `authError` and answered 401 by the door's check (enforce.ts), after the
// rate limiter has counted it: a flood of bad keys spends the sender's budget like any other request.
import { API_KEY_PREFIX, GUEST, LOCAL_OWNER, type Principal, ServiceError } from '@songnodes/services';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type CredentialRead, readCredential } from './credentials.ts';
import { ownOrigin } from './csrf.ts';
import { isLocalRequest } from './loopback.ts';

/** Checks a credential: its principal, or a ServiceError `unauthenticated` saying what is wrong. */
export interface Authenticator {
  /** An access token (JWT) or an API key (`snk_…`). */
  authenticate(credential: string): Promise<Principal>;
}

export type AuthMode = 'local' | 'required';

/** How the principal was established: `local` (ambient: needs the CSRF header to write). */
export type AuthVia = 'token' | 'api_key' | 'local' | 'none';

declare module 'fastify' {
  interface FastifyRequest {
    /** A credential that was present but bad: answered 401 by the door's check. */
    authError: ServiceError | null;
    authVia: AuthVia;
  }
}

export interface PrincipalSettings {
  mode: AuthMode;
  /** Null on a process without accounts: any credential is refused. */
  authenticator: Authenticator | null;
  /** CORS_ORIGINS: other origins whose pages may act for the local owner. */
  origins: readonly string[];
}

/**
 * A page of another origin gets no local authority even from this machine: a WebSocket is not
 * subject to CORS, and a page's reads should not be either.
 */
const foreignOrigin = (req: FastifyRequest, origins: readonly string[]) => {
  const origin = req.headers.origin;
  return origin !== undefined && origin !== ownOrigin(req) && !origins.includes(origin);
};

type Resolved = { principal: Principal; via: AuthVia; error: ServiceError | null };

/** Who is asking when that needs no lookup (no credential, a malformed one, none accepted); else null. */
function resolveAtOnce(req: FastifyRequest, s: PrincipalSettings, read: CredentialRead): Resolved | null {
  if (read.kind === 'none')
    return s.mode === 'local' && isLocalRequest(req) && !foreignOrigin(req, s.origins)
      ? { principal: LOCAL_OWNER, via: 'local', error: null }
      : { principal: GUEST, via: 'none', error: null };
  if (read.kind === 'malformed')
    return { principal: GUEST, via: 'none', error: new ServiceError('unauthenticated', read.reason) };
  if (!s.authenticator)
    return {
      principal: GUEST,
      via: 'none',
      error: new ServiceError('unauthenticated', 'this process does not accept credentials'),
    };
  return null;
}

async function authenticate(authenticator: Authenticator, credential: string): Promise<Resolved> {
  try {
    const principal = await authenticator.authenticate(credential);
    return { principal, via: credential.startsWith(API_KEY_PREFIX) ? 'api_key' : 'token', error: null };
  } catch (e) {
    // Anything but a refusal (the database is down) is a real failure: a 500, not a guest.
    if (e instanceof ServiceError && e.kind === 'unauthenticated')
      return { principal: GUEST, via: 'none', error: e };
    throw e;
  }
}

/**
 * Spends the caller's budget (rate-limits.ts): undefined when it is done (counted at once, or the
 * request spends none: the local owner, paths outside the API), else a promise that settles when
 * counted. A spent budget is the 429 error, thrown or rejected.
 */
export type Limiter = (req: FastifyRequest, reply: FastifyReply) => Promise<void> | undefined;

/**
 * Sets `req.principal` on every request of the app (registered at the root, first), then spends the
 * caller's budget. Without a credential to look up and without a budget to count (the local owner)
 * it finishes at once, with no promise: it runs on every request.
 */
export function principalHook(app: FastifyInstance, s: PrincipalSettings, limit: Limiter): void {
  app.decorateRequest('principal', null as unknown as Principal);
  app.decorateRequest('authError', null);
  app.decorateRequest('authVia', 'none');
  app.addHook('onRequest', (req, reply, done) => {
    const apply = (r: Resolved) => {
      req.principal = r.principal;
      req.authVia = r.via;
      req.authError = r.error;
      let counted: Promise<void> | undefined;
      try {
        counted = limit(req, reply);
      } catch (e) {
        return done(e as Error);
      }
      if (counted === undefined) done();
      else counted.then(() => done(), done);
    };
    const read = readCredential(req);
    const now = resolveAtOnce(req, s, read);
    if (now) return apply(now);
    authenticate(s.authenticator as Authenticator, (read as { credential: string }).credential).then(
      apply,
      done,
    );
  });
}
