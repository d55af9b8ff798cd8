// What a user looks like outside the database (no password hash), and the one rule for emails.
import type { UserRecord } from '@songnodes/db';
import { invalid } from '../errors.ts';
import { isRole, type Role } from './access.ts';

export interface UserView {
  id: number;
  email: string;
  displayName: string | null;
  role: Role;
  createdAt: string;
  /** When an admin disabled the account; null while it may sign in. */
  disabledAt: string | null;
}

export function userView(u: UserRecord): UserView {
  // The schema's check constraint admits only the four roles.
  const role = isRole(u.role) ? u.role : 'guest';
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role,
    createdAt: u.createdAt,
    disabledAt: u.disabledAt,
  };
}

/**
 * An email as stored: trimmed and lower-cased, so one address is one account whatever its case.
 * Only the shape is checked (one `@`, something either side, no spaces); nothing is sent to it.
 */
export function normaliseEmail(value: unknown, field = 'email'): string {
  if (typeof value !== 'string') throw invalid(field, `${field} must be a string`);
  const email = value.trim().toLowerCase();
  if (email.length === 0) throw invalid(field, `${field} is empty`);
  if (email.length > 254) throw invalid(field, `${field} is longer than 254 characters`);
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    throw invalid(field, `${field} is not an email address: ${JSON.stringify(value)}`);
  return email;
}

export function checkRole(value: unknown, field = 'role'): Role {
  if (typeof value !== 'string' || !isRole(value))
    throw invalid(
      field,
      `${field} must be one of guest, user, premium, admin (got ${JSON.stringify(value)})`,
    );
  return value;
}
