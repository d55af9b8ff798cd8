// How account things read and are checked in the browser before the server checks them again:
// password rules, API key expiry, audit entries in words.
import type { ApiKey, AuditEntry, Permission } from './api/client.ts';

/** The server's rule (argon2id, 10 to 1000 characters), checked here first to say it sooner. */
export function passwordProblem(password: string, repeated: string): string | null {
  if (password.length < 10) return 'The password needs at least 10 characters.';
  if (password.length > 1000) return 'The password may have at most 1000 characters.';
  if (password !== repeated) return 'The two passwords differ.';
  return null;
}

/** Choices for a new key's lifetime, in days; null never expires. */
export const KEY_LIFETIMES: readonly { days: number | null; label: string }[] = [
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
  { days: null, label: 'never' },
];

/** The expiry instant of a key made now with this lifetime (ISO 8601), or null. */
export function expiryOf(days: number | null, now: Date = new Date()): string | null {
  return days === null ? null : new Date(now.getTime() + days * 86_400_000).toISOString();
}

/** A key's state in words: revoked, expired, or active (until when). */
export function keyState(k: Pick<ApiKey, 'revokedAt' | 'expiresAt'>, now: Date = new Date()): string {
  if (k.revokedAt) return 'revoked';
  if (k.expiresAt && new Date(k.expiresAt) <= now) return 'expired';
  return k.expiresAt ? `active until ${new Date(k.expiresAt).toLocaleDateString('en')}` : 'active, no expiry';
}

/** Only what the owner holds can be granted to a key (the server intersects too); `public` goes without saying. */
export function grantable(held: readonly Permission[]): Permission[] {
  return held.filter((p) => p !== 'public');
}

/** An audit entry's details as `key: value` pairs, for a table cell. */
export function describeDetails(details: AuditEntry['details']): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
}
