import { describe, expect, it } from 'vitest';
import { describeDetails, expiryOf, grantable, keyState, passwordProblem } from '../src/accounts.ts';
import type { Me } from '../src/api/client.ts';
import { allowed, lacking, type Session, whoIs } from '../src/session.ts';
import { safeNext } from '../src/views/Login.tsx';

const me = (over: Partial<Me> & { permissions?: Me['principal']['permissions'] } = {}): Me => ({
  user: null,
  mode: 'required',
  setupNeeded: false,
  principal: { kind: 'guest', role: 'guest', permissions: over.permissions ?? ['public', 'read:graph'] },
  ...over,
});
const ready = (m: Me): Session => ({ status: 'ready', me: m });

describe('passwords', () => {
  it('asks for 10 to 1000 characters typed the same twice', () => {
    expect(passwordProblem('short', 'short')).toMatch(/at least 10/);
    expect(passwordProblem('x'.repeat(1001), 'x'.repeat(1001))).toMatch(/at most 1000/);
    expect(passwordProblem('long enough!', 'long enough?')).toMatch(/differ/);
    expect(passwordProblem('long enough!', 'long enough!')).toBeNull();
  });
});

describe('API keys', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  it('expires after the chosen number of days, or never', () => {
    expect(expiryOf(30, now)).toBe('2026-12-30T12:00:00.000Z');
    expect(expiryOf(null, now)).toBeNull();
  });
  it('reads as revoked, expired or active', () => {
    expect(keyState({ revokedAt: '2026-11-01T00:00:00Z', expiresAt: null }, now)).toBe('revoked');
    expect(keyState({ revokedAt: null, expiresAt: '2026-11-29T00:00:00Z' }, now)).toBe('expired');
    expect(keyState({ revokedAt: null, expiresAt: null }, now)).toBe('active, no expiry');
    expect(keyState({ revokedAt: null, expiresAt: '2027-01-01T00:00:00Z' }, now)).toMatch(/^active until /);
  });
  it('offers only what the owner holds, without `public`', () => {
    expect(grantable(['public', 'read:graph', 'import'])).toEqual(['read:graph', 'import']);
  });
});

describe('who is asking', () => {
  it('names the user, the local owner, or a guest', () => {
    const user = {
      id: 1,
      email: 'dj@example.org',
      displayName: null,
      role: 'user' as const,
      createdAt: '',
      disabledAt: null,
    };
    expect(whoIs(me({ user }))).toBe('dj@example.org');
    expect(whoIs(me({ user: { ...user, displayName: 'DJ Tide' } }))).toBe('DJ Tide');
    expect(whoIs(me({ mode: 'local', principal: { kind: 'local', role: 'admin', permissions: [] } }))).toBe(
      'local owner',
    );
    expect(whoIs(me())).toBe('guest');
  });

  it('says why an action is off: sign in for a guest, the missing permission for a role', () => {
    const guest = ready(me());
    expect(allowed(guest, 'read:graph')).toBe(true);
    expect(allowed(guest, 'merge:tracks')).toBe(false);
    expect(lacking(guest, 'merge:tracks', 'Merging')).toBe('Merging needs you to sign in.');
    const user = ready(
      me({
        user: {
          id: 2,
          email: 'u@example.org',
          displayName: null,
          role: 'user',
          createdAt: '',
          disabledAt: null,
        },
        principal: { kind: 'user', role: 'user', permissions: ['public', 'read:graph', 'import'] },
      }),
    );
    expect(lacking(user, 'merge:tracks', 'Merging')).toBe(
      'Merging needs the merge:tracks permission, which your role (user) does not have.',
    );
    expect(lacking(user, 'import', 'Importing')).toBeNull();
    // While the session loads nothing is allowed and nothing is explained yet.
    expect(allowed({ status: 'loading', me: null }, 'import')).toBe(false);
    expect(lacking({ status: 'loading', me: null }, 'import', 'Importing')).toBeNull();
    // When the app cannot learn who it is, the server decides (and its refusal is shown).
    expect(allowed({ status: 'error', me: null, error: new Error('down') }, 'import')).toBe(true);
  });

  it('goes back only to a page of this app after signing in', () => {
    expect(safeNext('#/import')).toBe('#/import');
    expect(safeNext('https://evil.example/')).toBe('#/');
    expect(safeNext(null)).toBe('#/');
  });
});

describe('audit details', () => {
  it('reads as key: value pairs', () => {
    expect(describeDetails({ role: 'admin', from: 'user', ids: [1, 2] })).toBe(
      'role: admin, from: user, ids: [1,2]',
    );
    expect(describeDetails(null)).toBe('');
  });
});
