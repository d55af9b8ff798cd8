// Verified access tokens, remembered until they expire: a browser sends the same token with every
// request for 15 minutes, and verifying its HMAC each time is most of what the auth check costs. A
// token is immutable and the keys that verify it only change with a restart, so a token once verified
// stays good until its `exp` (checked on every hit). API keys are not cached: they can be revoked.
import { API_KEY_PREFIX, type Principal } from '@songnodes/services';
import type { Authenticator } from './principal.ts';

const MAX_ENTRIES = 10_000;

/** The `exp` claim (seconds) of a token already verified; undefined if it has none. */
function expiry(token: string): number | undefined {
  const exp = (
    JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp?: unknown }
  ).exp;
  return typeof exp === 'number' ? exp : undefined;
}

export function cachingAuthenticator(inner: Authenticator, now: () => number = Date.now): Authenticator {
  const verified = new Map<string, { principal: Principal; expiresAt: number }>();
  return {
    async authenticate(credential) {
      if (credential.startsWith(API_KEY_PREFIX)) return inner.authenticate(credential);
      const hit = verified.get(credential);
      if (hit && hit.expiresAt > now()) return hit.principal;
      if (hit) verified.delete(credential);
      const principal = await inner.authenticate(credential);
      const exp = expiry(credential);
      if (exp !== undefined) {
        // Bounded: the oldest entry goes first (a Map keeps insertion order).
        if (verified.size >= MAX_ENTRIES) verified.delete(verified.keys().next().value as string);
        verified.set(credential, { principal, expiresAt: exp * 1000 });
      }
      return principal;
    },
  };
}
