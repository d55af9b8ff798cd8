// Who may do what, in one place. Every /api/v1 route declares one permission (`config.permission`);
// every role maps to the permissions it grants here and nowhere else. Services take a `Principal`
// (who is asking) and check it too, so the CLI, GraphQL and WebSocket doors behave like REST.

export const PERMISSIONS = [
  /** Anyone, signed in or not (login, setup, health of the API). */
  'public',
  /** Read the public graph: tracks, artists, sets, search, plans, analytics. */
  'read:graph',
  /** Create and delete sets (and save plans). */
  'write:sets',
  /** Correct a track's BPM, key or genre; delete a track. */
  'write:tracks',
  /** Upload files to import. */
  'import',
  /** Merge, split and review duplicate tracks. */
  'merge:tracks',
  /** Export playlists and graphs. */
  'export',
  /** Start graph jobs (layouts, communities) and scrapes. */
  'run:jobs',
  /** Manage users and roles; read the audit log. */
  'admin:users',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['guest', 'user', 'premium', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The one table from roles to permissions. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  guest: ['public', 'read:graph'],
  user: ['public', 'read:graph', 'write:sets', 'import', 'export'],
  premium: ['public', 'read:graph', 'write:sets', 'import', 'export', 'write:tracks', 'run:jobs'],
  admin: PERMISSIONS,
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/**
 * Who is asking.
 * - `user`: signed in with an access token (JWT) — `userId` set.
 * - `api_key`: a script with an API key — `userId` is the key's owner, permissions the key's scopes.
 * - `local`: the laptop owner in local mode (a loopback request with no credentials; see
 *   docs/security.md) — every permission, `userId` null, writes are public like the CLI's.
 * - `guest`: no credentials.
 * - `system`: the CLI and jobs (trusted code in our own process).
 */
export interface Principal {
  kind: 'user' | 'api_key' | 'local' | 'guest' | 'system';
  userId: number | null;
  role: Role;
  permissions: readonly Permission[];
  /** The API key's id when kind is `api_key`. */
  apiKeyId?: number;
  /** For the audit log and rate limits: the user's email, `api-key:<id>`, `local`, `guest`, `system`. */
  label: string;
}

export const GUEST: Principal = Object.freeze({
  kind: 'guest',
  userId: null,
  role: 'guest',
  permissions: ROLE_PERMISSIONS.guest,
  label: 'guest',
}) as Principal;

export const LOCAL_OWNER: Principal = Object.freeze({
  kind: 'local',
  userId: null,
  role: 'admin',
  permissions: ROLE_PERMISSIONS.admin,
  label: 'local',
}) as Principal;

export const SYSTEM: Principal = Object.freeze({
  kind: 'system',
  userId: null,
  role: 'admin',
  permissions: ROLE_PERMISSIONS.admin,
  label: 'system',
}) as Principal;

export function can(p: Principal, permission: Permission): boolean {
  return permission === 'public' || p.permissions.includes(permission);
}
