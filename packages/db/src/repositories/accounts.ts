// Accounts: users, refresh tokens and API keys (issue 10). The rules — who may sign in, rotation,
// reuse detection, scopes — live in packages/services/src/auth; this file only stores and finds.
// Secrets never reach the database: refresh tokens and API keys arrive here already hashed.
import type { Database, Queryable } from '../database.ts';
import type { Page } from './catalog.ts';

export interface UserRecord {
  id: number;
  /** Lower-cased (the schema refuses anything else). */
  email: string;
  displayName: string | null;
  role: string;
  createdAt: string;
  disabledAt: string | null;
  passwordChangedAt: string | null;
}

/** A user with the password hash, for signing in only. */
export interface UserCredentials extends UserRecord {
  passwordHash: string | null;
}

type UserRow = {
  id: number;
  email: string;
  display_name: string | null;
  role: string;
  created_at: Date | string;
  disabled_at: Date | string | null;
  password_changed_at: Date | string | null;
  password_hash?: string | null;
};

const iso = (v: Date | string) => new Date(v).toISOString();
const isoOrNull = (v: Date | string | null) => (v === null ? null : iso(v));

const userOf = (r: UserRow): UserRecord => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  role: r.role,
  createdAt: iso(r.created_at),
  disabledAt: isoOrNull(r.disabled_at),
  passwordChangedAt: isoOrNull(r.password_changed_at),
});
const USER_COLUMNS = 'id, email, display_name, role, created_at, disabled_at, password_changed_at';

export interface NewUser {
  email: string;
  passwordHash: string;
  role: string;
  displayName?: string | null;
}

export async function countUsers(q: Queryable): Promise<number> {
  const [r] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return r!.n;
}

/** Inserts a user; null when the email is taken. */
export async function insertUser(q: Queryable, u: NewUser): Promise<UserRecord | null> {
  const [r] = await q.query<UserRow>(
    `INSERT INTO users (email, password_hash, role, display_name, password_changed_at)
     VALUES ($1, $2, $3, $4, now()) ON CONFLICT (email) DO NOTHING RETURNING ${USER_COLUMNS}`,
    [u.email, u.passwordHash, u.role, u.displayName ?? null],
  );
  return r ? userOf(r) : null;
}

/**
 * Inserts the first user, only while there is none: null when a user already exists. An advisory
 * lock held to the end of the transaction makes two concurrent first-start setups create one user.
 */
export function insertFirstUser(db: Database, u: NewUser): Promise<UserRecord | null> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('songnodes.first_user'))");
    if ((await countUsers(tx)) > 0) return null;
    return insertUser(tx, u);
  });
}

export async function getUser(q: Queryable, id: number): Promise<UserRecord | null> {
  const [r] = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
  return r ? userOf(r) : null;
}

/** The user with this (lower-cased) email, with the password hash. */
export async function findUserCredentials(q: Queryable, email: string): Promise<UserCredentials | null> {
  const [r] = await q.query<UserRow>(`SELECT ${USER_COLUMNS}, password_hash FROM users WHERE email = $1`, [
    email,
  ]);
  return r ? { ...userOf(r), passwordHash: r.password_hash ?? null } : null;
}

export async function getUserCredentials(q: Queryable, id: number): Promise<UserCredentials | null> {
  const [r] = await q.query<UserRow>(`SELECT ${USER_COLUMNS}, password_hash FROM users WHERE id = $1`, [id]);
  return r ? { ...userOf(r), passwordHash: r.password_hash ?? null } : null;
}

export async function listUsers(
  q: Queryable,
  page: { after?: number; limit: number },
): Promise<Page<UserRecord>> {
  const rows = await q.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users WHERE id > $1 ORDER BY id LIMIT $2`,
    [page.after ?? 0, page.limit + 1],
  );
  const items = rows.slice(0, page.limit).map(userOf);
  return { items, next: rows.length > page.limit ? items[items.length - 1]!.id : null };
}

/** Enabled administrators other than `exceptId` (so the last one is never demoted or disabled). */
export async function countOtherActiveAdmins(q: Queryable, exceptId: number): Promise<number> {
  const [r] = await q.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id <> $1",
    [exceptId],
  );
  return r!.n;
}

/** Changes role and/or the disabled state; null when there is no such user. */
export async function updateUser(
  q: Queryable,
  id: number,
  change: { role?: string; disabled?: boolean },
): Promise<UserRecord | null> {
  const [r] = await q.query<UserRow>(
    `UPDATE users SET role = coalesce($2, role),
       disabled_at = CASE WHEN $3::boolean IS NULL THEN disabled_at
                          WHEN $3::boolean THEN coalesce(disabled_at, now()) ELSE NULL END
     WHERE id = $1 RETURNING ${USER_COLUMNS}`,
    [id, change.role ?? null, change.disabled ?? null],
  );
  return r ? userOf(r) : null;
}

export async function setPasswordHash(q: Queryable, id: number, passwordHash: string): Promise<void> {
  await q.query('UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1', [
    id,
    passwordHash,
  ]);
}

// Refresh tokens -------------------------------------------------------------------------------

export interface RefreshTokenRecord {
  id: number;
  userId: number;
  familyId: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  replacedBy: number | null;
}

type RefreshRow = {
  id: number;
  user_id: number;
  family_id: string;
  expires_at: Date | string;
  used_at: Date | string | null;
  revoked_at: Date | string | null;
  replaced_by: number | null;
};
const refreshOf = (r: RefreshRow): RefreshTokenRecord => ({
  id: r.id,
  userId: r.user_id,
  familyId: r.family_id,
  expiresAt: iso(r.expires_at),
  usedAt: isoOrNull(r.used_at),
  revokedAt: isoOrNull(r.revoked_at),
  replacedBy: r.replaced_by,
});
const REFRESH_COLUMNS = 'id, user_id, family_id, expires_at, used_at, revoked_at, replaced_by';

export async function insertRefreshToken(
  q: Queryable,
  t: { userId: number; familyId: string; tokenHash: string; expiresAt: Date },
): Promise<RefreshTokenRecord> {
  const [r] = await q.query<RefreshRow>(
    `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)
     RETURNING ${REFRESH_COLUMNS}`,
    [t.userId, t.familyId, t.tokenHash, t.expiresAt.toISOString()],
  );
  return refreshOf(r!);
}

/**
 * The refresh token with this hash, locked for the rest of the transaction (`FOR UPDATE`), so two
 * requests presenting the same token are decided one after the other: one rotates, the other is reuse.
 */
export async function findRefreshTokenForUpdate(
  q: Queryable,
  tokenHash: string,
): Promise<RefreshTokenRecord | null> {
  const [r] = await q.query<RefreshRow>(
    `SELECT ${REFRESH_COLUMNS} FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
    [tokenHash],
  );
  return r ? refreshOf(r) : null;
}

export async function markRefreshTokenUsed(q: Queryable, id: number, replacedBy: number): Promise<void> {
  await q.query('UPDATE refresh_tokens SET used_at = now(), replaced_by = $2 WHERE id = $1', [
    id,
    replacedBy,
  ]);
}

/** Revokes every live token of a family; returns how many were live. */
export async function revokeRefreshFamily(q: Queryable, familyId: string): Promise<number> {
  const rows = await q.query(
    'UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL RETURNING id',
    [familyId],
  );
  return rows.length;
}

/** Revokes every refresh token of a user (password change, account disabled). */
export async function revokeUserRefreshTokens(q: Queryable, userId: number): Promise<number> {
  const rows = await q.query(
    'UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id',
    [userId],
  );
  return rows.length;
}

/**
 * Forgets a user's refresh tokens that expired more than a day ago (they could only be refused, and
 * a token seen after that is "not valid" either way). Run at each sign-in, so the table stays bounded
 * per user without a job.
 */
export async function deleteExpiredRefreshTokens(q: Queryable, userId: number): Promise<number> {
  const rows = await q.query(
    `DELETE FROM refresh_tokens WHERE user_id = $1 AND expires_at < now() - interval '1 day' RETURNING id`,
    [userId],
  );
  return rows.length;
}

// API keys --------------------------------------------------------------------------------------

export interface ApiKeyRecord {
  id: number;
  userId: number;
  name: string;
  /** `snk_` and the key's 8-character id: enough to recognise it, useless to use it. */
  prefix: string;
  permissions: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A key found by its hash, with what its owner is now (role, disabled). */
export interface ApiKeyOwner extends ApiKeyRecord {
  owner: { email: string; role: string; disabledAt: string | null };
}

type ApiKeyRow = {
  id: number;
  user_id: number;
  name: string;
  prefix: string;
  permissions: string[];
  created_at: Date | string;
  expires_at: Date | string | null;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
};
const apiKeyOf = (r: ApiKeyRow): ApiKeyRecord => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  prefix: r.prefix,
  permissions: r.permissions,
  createdAt: iso(r.created_at),
  expiresAt: isoOrNull(r.expires_at),
  lastUsedAt: isoOrNull(r.last_used_at),
  revokedAt: isoOrNull(r.revoked_at),
});
const API_KEY_COLUMNS =
  'id, user_id, name, prefix, permissions, created_at, expires_at, last_used_at, revoked_at';

export async function insertApiKey(
  q: Queryable,
  k: {
    userId: number;
    name: string;
    prefix: string;
    keyHash: string;
    permissions: string[];
    expiresAt: Date | null;
  },
): Promise<ApiKeyRecord> {
  const [r] = await q.query<ApiKeyRow>(
    `INSERT INTO api_keys (user_id, name, prefix, key_hash, permissions, expires_at)
     VALUES ($1, $2, $3, $4, $5::text[], $6) RETURNING ${API_KEY_COLUMNS}`,
    [k.userId, k.name, k.prefix, k.keyHash, k.permissions, k.expiresAt?.toISOString() ?? null],
  );
  return apiKeyOf(r!);
}

/** A user's keys, newest first, revoked ones included (so a person sees what was revoked). */
export async function listApiKeys(q: Queryable, userId: number): Promise<ApiKeyRecord[]> {
  const rows = await q.query<ApiKeyRow>(
    `SELECT ${API_KEY_COLUMNS} FROM api_keys WHERE user_id = $1 ORDER BY id DESC`,
    [userId],
  );
  return rows.map(apiKeyOf);
}

export async function findApiKeyByHash(q: Queryable, keyHash: string): Promise<ApiKeyOwner | null> {
  const [r] = await q.query<ApiKeyRow & { email: string; role: string; disabled_at: Date | string | null }>(
    `SELECT k.id, k.user_id, k.name, k.prefix, k.permissions, k.created_at, k.expires_at, k.last_used_at,
            k.revoked_at, u.email, u.role, u.disabled_at
     FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.key_hash = $1`,
    [keyHash],
  );
  return r
    ? { ...apiKeyOf(r), owner: { email: r.email, role: r.role, disabledAt: isoOrNull(r.disabled_at) } }
    : null;
}

/** Revokes a user's own key; null when the user has no such key. Revoking twice keeps the first time. */
export async function revokeApiKey(q: Queryable, userId: number, id: number): Promise<ApiKeyRecord | null> {
  const [r] = await q.query<ApiKeyRow>(
    `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND user_id = $2
     RETURNING ${API_KEY_COLUMNS}`,
    [id, userId],
  );
  return r ? apiKeyOf(r) : null;
}

/**
 * Notes that a key was used. At most one write a minute per key: a busy script must not turn every
 * read into a write.
 */
export async function touchApiKey(q: Queryable, id: number): Promise<void> {
  await q.query(
    `UPDATE api_keys SET last_used_at = now()
     WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
    [id],
  );
}
