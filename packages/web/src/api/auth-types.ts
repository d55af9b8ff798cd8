// Shapes of the account routes (/auth, /account, /admin) as docs/../auth-contract describes them,
// written out until the server's OpenAPI document has them; then they come from schema.ts.

export type Role = 'guest' | 'user' | 'premium' | 'admin';

/** Every permission the server knows (services/auth/access.ts), in its order, for the key form. */
export const PERMISSIONS = [
  'read:graph',
  'write:sets',
  'write:tracks',
  'import',
  'merge:tracks',
  'export',
  'run:jobs',
  'admin:users',
] as const;
export type Permission = 'public' | (typeof PERMISSIONS)[number];

export const ROLES: readonly Role[] = ['guest', 'user', 'premium', 'admin'];

export interface User {
  id: number;
  email: string;
  displayName: string | null;
  role: Role;
  createdAt: string;
}

export interface Me {
  user: User | null;
  principal: {
    kind: 'user' | 'api_key' | 'local' | 'guest' | 'system';
    role: Role;
    permissions: Permission[];
  };
  mode: 'local' | 'required';
  setupNeeded: boolean;
}

export interface TokenAnswer {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: User;
}

export interface ApiKey {
  id: number;
  name: string;
  prefix: string;
  permissions: Permission[];
  expiresAt: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiKeyCreated {
  /** The whole key, shown once. */
  key: string;
  apiKey: ApiKey;
}

export interface AdminUser extends User {
  /** When an admin disabled the account; null while it may sign in. */
  disabledAt: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  actorUserId: number | null;
  action: string;
  target: string | null;
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditPage {
  items: AuditEntry[];
  /** The `before` cursor of the next (older) page, null at the end. */
  next: string | number | null;
}
