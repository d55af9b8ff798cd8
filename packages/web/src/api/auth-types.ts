// Shapes of the account routes (/auth, /account, /admin), from the OpenAPI document (schema.ts), and
// the role and permission lists the forms offer, checked against it.
import type { paths } from './schema.ts';

type Ok<T> = T extends { responses: { 200: { content: { 'application/json': infer R } } } }
  ? R
  : T extends { responses: { 201: { content: { 'application/json': infer R } } } }
    ? R
    : never;

/** GET /auth/me: who the server takes us for, the mode, whether the one-time setup is open. */
export type Me = Ok<paths['/api/v1/auth/me']['get']>;
/** POST /auth/login, /auth/setup, /auth/refresh. */
export type TokenAnswer = Ok<paths['/api/v1/auth/login']['post']>;
export type User = NonNullable<Me['user']>;
export type Role = User['role'];
export type Permission = Me['principal']['permissions'][number];
export type ApiKey = Ok<paths['/api/v1/account/api-keys']['get']>['items'][number];
/** POST /account/api-keys: the whole key (shown once) and its record. */
export type ApiKeyCreated = Ok<paths['/api/v1/account/api-keys']['post']>;
export type UserPage = Ok<paths['/api/v1/admin/users']['get']>;
export type AdminUser = UserPage['items'][number];
export type AuditPage = Ok<paths['/api/v1/admin/audit']['get']>;
export type AuditEntry = AuditPage['items'][number];
export type AuditAction = NonNullable<
  NonNullable<paths['/api/v1/admin/audit']['get']['parameters']['query']>['action']
>;

/** Every permission a key may be given, in the server's order (services/auth/access.ts). */
export const PERMISSIONS = [
  'read:graph',
  'write:sets',
  'write:tracks',
  'import',
  'merge:tracks',
  'export',
  'run:jobs',
  'admin:users',
] as const satisfies readonly Permission[];

export const ROLES = ['guest', 'user', 'premium', 'admin'] as const satisfies readonly Role[];

/** The actions the audit log records (services/auth/audit-service.ts), for its filter. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.refresh_reuse',
  'user.create',
  'user.role',
  'user.disable',
  'user.password',
  'apikey.create',
  'apikey.revoke',
  'tracks.merge',
  'tracks.split',
  'tracks.reject',
  'artist.merge',
  'artist.aliases',
  'track.delete',
  'set.delete',
  'set.share',
  'export.private',
] as const satisfies readonly AuditAction[];

/** Compile-time check that a list names every value of its type: a new role, permission or action in
 * the document fails the type check here until the list has it. */
type Exactly<A, B> = [Exclude<A, B>] extends [never]
  ? [Exclude<B, A>] extends [never]
    ? true
    : false
  : false;
const complete: [
  Exactly<Exclude<Permission, 'public'>, (typeof PERMISSIONS)[number]>,
  Exactly<Role, (typeof ROLES)[number]>,
  Exactly<AuditAction, (typeof AUDIT_ACTIONS)[number]>,
] = [true, true, true];
void complete;
