// The pure rules of accounts: password length, argon2id format, email shape and roles.
import { describe, expect, it } from 'vitest';
import { checkPassword, hashPassword, verifyPassword } from '../src/auth/passwords.ts';
import { checkRole, normaliseEmail } from '../src/auth/user-view.ts';
import { ServiceError } from '../src/errors.ts';

const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ServiceError);
    return `${(e as ServiceError).field}: ${(e as ServiceError).message}`;
  }
  return null;
};

describe('account rules', () => {
  it('passwords are 10 to 1,000 characters, counted as characters', () => {
    expect(fieldOf(() => checkPassword('123456789'))).toBe(
      'password: password must be at least 10 characters (it is 9)',
    );
    expect(checkPassword('1234567890')).toBe('1234567890');
    // Ten characters, more bytes: accepted.
    expect(checkPassword('ääääääääää')).toBe('ääääääääää');
    expect(fieldOf(() => checkPassword('x'.repeat(1001), 'next'))).toBe(
      'next: next must be at most 1000 characters',
    );
    expect(fieldOf(() => checkPassword(12345678901))).toBe('password: password must be a string');
  });

  it('hashes with argon2id (m=19456, t=2, p=1) and a fresh salt each time', async () => {
    const a = await hashPassword('a fine password');
    const b = await hashPassword('a fine password');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'a fine password')).toBe(true);
    expect(await verifyPassword(a, 'a fine passwore')).toBe(false);
    expect(await verifyPassword('not a hash', 'a fine password')).toBe(false);
  });

  it('emails are trimmed and lower-cased; obvious non-addresses are refused', () => {
    expect(normaliseEmail('  DJ.Name@Example.ORG ')).toBe('dj.name@example.org');
    expect(fieldOf(() => normaliseEmail('no-at-sign'))).toBe(
      'email: email is not an email address: "no-at-sign"',
    );
    expect(fieldOf(() => normaliseEmail('two words@example.org'))).toMatch(/^email: /);
    expect(fieldOf(() => normaliseEmail(''))).toBe('email: email is empty');
    expect(fieldOf(() => normaliseEmail(`${'a'.repeat(250)}@x.org`))).toBe(
      'email: email is longer than 254 characters',
    );
  });

  it('roles are the four of the table', () => {
    expect(checkRole('premium')).toBe('premium');
    expect(fieldOf(() => checkRole('root'))).toBe(
      'role: role must be one of guest, user, premium, admin (got "root")',
    );
  });
});
