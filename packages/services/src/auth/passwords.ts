// Passwords: argon2id (@node-rs/argon2 at its defaults: m=19456 KiB, t=2, p=1 — OWASP's recommended
// minimum), stored as the PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), never the password.
import { hash, verify } from '@node-rs/argon2';
import { invalid } from '../errors.ts';

export const MIN_PASSWORD_LENGTH = 10;
/** Long enough for any passphrase; short enough that hashing one is not a denial of service. */
export const MAX_PASSWORD_LENGTH = 1000;

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, which type stripping cannot import). */
const ARGON2ID = 2;

/** Refuses a password outside the length rules, naming the field. Length counts characters. */
export function checkPassword(password: unknown, field = 'password'): string {
  if (typeof password !== 'string') throw invalid(field, `${field} must be a string`);
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    throw invalid(field, `${field} must be at least ${MIN_PASSWORD_LENGTH} characters (it is ${length})`);
  if (length > MAX_PASSWORD_LENGTH)
    throw invalid(field, `${field} must be at most ${MAX_PASSWORD_LENGTH} characters`);
  return password;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/** True when the password matches the stored hash; false for a wrong password or a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * The hash of 32 random bytes that were thrown away (same parameters as hashPassword): no password
 * matches it.
 */
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$e6kDzYA6v3+u38jViwwwYw$a4iQnk2Kgp0oDlTwdc/QtLprhwC9PtgrSS4KiQbsIbQ';

/**
 * One argon2 verification against a hash no password matches, for a login with an unknown email: it
 * costs what a real check costs, so the answer's timing does not tell whether the account exists.
 */
export async function dummyVerify(password: string): Promise<void> {
  await verifyPassword(DUMMY_HASH, password);
}
