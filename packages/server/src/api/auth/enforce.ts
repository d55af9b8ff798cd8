// The one check every door makes before its handler runs: a bad credential is 401; a principal
// without the permission is 401 when nobody is signed in (signing in may help) and 403 naming the
// permission when someone is (it will not); a write riding on local mode needs the CSRF header.
import { can, type Permission, type Principal, ServiceError } from '@songnodes/services';
import type { FastifyRequest } from 'fastify';
import { checkCsrf, isUnsafeMethod } from './csrf.ts';

export function permissionError(p: Principal, permission: Permission): ServiceError | null {
  if (can(p, permission)) return null;
  if (p.kind === 'guest')
    return new ServiceError(
      'unauthenticated',
      `sign in to do this: it needs the permission ${permission}, which guests do not have`,
      { details: { permission } },
    );
  return new ServiceError(
    'forbidden',
    `${p.kind === 'api_key' ? 'this API key' : `the role ${p.role}`} lacks the permission ${permission}`,
    { details: { permission } },
  );
}

/** Throws the request's auth error, a missing permission or a failed CSRF check. */
export function enforce(
  req: FastifyRequest,
  permission: Permission,
  allowedOrigins: readonly string[],
): void {
  if (req.authError) throw req.authError;
  const denied = permissionError(req.principal, permission);
  if (denied) throw denied;
  if (req.authVia === 'local' && isUnsafeMethod(req.method)) checkCsrf(req, allowedOrigins);
}
