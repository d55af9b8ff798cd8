// API keys for scripts: `snk_<8-character id><43 characters of base64url secret>`. Only the sha256 of
// the whole key is stored (a key is 32 random bytes, so a fast hash is enough — there is nothing to
// guess), with the visible prefix `snk_<id>` to recognise it. A key is scoped to a subset of its
// owner's permissions, may expire, can be revoked, and is shown once, when it is created.
import { createHash, randomBytes } from 'node:crypto';
import {
  type ApiKeyOwner,
  type ApiKeyRecord,
  type Database,
  findApiKeyByHash,
  getUser,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
  touchApiKey,
} from '@songnodes/db';
import { invalid, notFound, ServiceError } from '../errors.ts';
import { isPermission, isRole, type Permission, type Principal, ROLE_PERMISSIONS } from './access.ts';
import { type AuditService, NO_REQUEST, type RequestContext } from './audit-service.ts';

export const API_KEY_PREFIX = 'snk_';
const KEY_SHAPE = /^snk_[A-Za-z0-9_-]{8}[A-Za-z0-9_-]{43}$/;
export const MAX_API_KEYS_PER_USER = 50;
/**
 * How long a key read from the database is trusted without reading it again. Reading it on every
 * request (a SELECT and the last-used UPDATE) held a read route to 1,260 req/s against 7,056 with an
 * access token (bench http section, same run). A revocation in this process takes effect at once; in
 * another API process, and a disabled owner, within this time (docs/security.md). Expiry is checked
 * on every request.
 */
const KEY_CACHE_MS = 5_000;
/** Checked keys kept at most; past it the cache starts again rather than grow. */
const KEY_CACHE_MAX = 10_000;
/** last_used_at is written at most this often per key (the repository keeps the same rule). */
const TOUCH_EVERY_MS = 60_000;

export interface ApiKeyView {
  id: number;
  name: string;
  /** `snk_` and the key's id: enough to recognise the key, useless to use it. */
  prefix: string;
  permissions: Permission[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface NewApiKey {
  name: string;
  permissions: string[];
  /** ISO date-time; absent or null for a key that does not expire. */
  expiresAt?: string | null;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function looksLikeApiKey(credential: string): boolean {
  return credential.startsWith(API_KEY_PREFIX);
}

const view = (k: ApiKeyRecord): ApiKeyView => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  permissions: k.permissions.filter(isPermission),
  createdAt: k.createdAt,
  expiresAt: k.expiresAt,
  lastUsedAt: k.lastUsedAt,
  revokedAt: k.revokedAt,
});

const unauthenticated = (message: string) => new ServiceError('unauthenticated', message);

export class ApiKeyService {
  private readonly db: Database;
  private readonly audit: AuditService;
  private readonly now: () => number;
  /** Keys by hash, as read at `at` (see KEY_CACHE_MS). */
  private readonly checked = new Map<string, { at: number; key: ApiKeyOwner }>();
  /** When this process last wrote each key's last_used_at. */
  private readonly touched = new Map<number, number>();

  constructor(deps: { db: Database; audit: AuditService; now?: () => number }) {
    this.db = deps.db;
    this.audit = deps.audit;
    this.now = deps.now ?? Date.now;
  }

  /** The signed-in user's id: keys belong to accounts, not to other keys, the local owner or the CLI. */
  private owner(principal: Principal): number {
    if (principal.kind !== 'user' || principal.userId === null)
      throw new ServiceError('forbidden', 'API keys are managed by a signed-in user (not with an API key)');
    return principal.userId;
  }

  /** Creates a key; the returned `key` is the only time the secret is ever shown. */
  async create(
    principal: Principal,
    input: NewApiKey,
    ctx: RequestContext = NO_REQUEST,
  ): Promise<{ key: string; apiKey: ApiKeyView }> {
    const userId = this.owner(principal);
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (name.length === 0 || name.length > 100) throw invalid('name', 'name must be 1 to 100 characters');
    const user = await getUser(this.db, userId);
    if (!user || user.disabledAt !== null || !isRole(user.role))
      throw unauthenticated('this account cannot sign in');
    if (!Array.isArray(input.permissions) || input.permissions.length === 0)
      throw invalid('permissions', 'name at least one permission for the key');
    // Scopes come from the owner's role as it is now, not as the access token remembers it.
    const allowed = ROLE_PERMISSIONS[user.role];
    input.permissions.forEach((p, i) => {
      if (typeof p !== 'string' || !isPermission(p))
        throw invalid(`permissions.${i}`, `not a permission: ${JSON.stringify(p)}`);
      if (!allowed.includes(p))
        throw invalid(`permissions.${i}`, `${p} is not among your role's (${user.role}) permissions`);
    });
    let expiresAt: Date | null = null;
    if (input.expiresAt != null) {
      expiresAt = new Date(input.expiresAt);
      if (Number.isNaN(expiresAt.getTime()))
        throw invalid('expiresAt', `expiresAt is not a date-time: ${JSON.stringify(input.expiresAt)}`);
      if (expiresAt.getTime() <= this.now()) throw invalid('expiresAt', 'expiresAt must be in the future');
    }
    const live = (await listApiKeys(this.db, userId)).filter((k) => k.revokedAt === null).length;
    if (live >= MAX_API_KEYS_PER_USER)
      throw new ServiceError('conflict', `you have ${live} keys; revoke one before creating another`);

    const id = randomBytes(6).toString('base64url');
    const key = `${API_KEY_PREFIX}${id}${randomBytes(32).toString('base64url')}`;
    const record = await this.db.transaction(async (tx) => {
      const k = await insertApiKey(tx, {
        userId,
        name,
        prefix: `${API_KEY_PREFIX}${id}`,
        keyHash: hashApiKey(key),
        permissions: [...new Set(input.permissions)],
        expiresAt,
      });
      await this.audit.record(
        principal,
        'apikey.create',
        { target: `apikey:${k.id}`, details: { name, prefix: k.prefix, permissions: k.permissions }, ctx },
        tx,
      );
      return k;
    });
    return { key, apiKey: view(record) };
  }

  async list(principal: Principal): Promise<ApiKeyView[]> {
    return (await listApiKeys(this.db, this.owner(principal))).map(view);
  }

  async revoke(principal: Principal, id: number, ctx: RequestContext = NO_REQUEST): Promise<ApiKeyView> {
    const userId = this.owner(principal);
    return this.db.transaction(async (tx) => {
      const k = await revokeApiKey(tx, userId, id);
      if (!k) throw notFound(`you have no API key ${id}`, 'id');
      this.checked.clear();
      await this.audit.record(principal, 'apikey.revoke', { target: `apikey:${id}`, ctx }, tx);
      return view(k);
    });
  }

  /** Drops every cached key: the next use of each reads it (and its owner's role) again. */
  forget(): void {
    this.checked.clear();
  }

  /** A key by its hash, from the cache while it is fresh; unknown keys are not kept. */
  private async lookup(hash: string): Promise<ApiKeyOwner | null> {
    const now = this.now();
    const hit = this.checked.get(hash);
    if (hit && now - hit.at < KEY_CACHE_MS) return hit.key;
    const k = await findApiKeyByHash(this.db, hash);
    if (!k) {
      this.checked.delete(hash);
      return null;
    }
    if (this.checked.size >= KEY_CACHE_MAX) this.checked.clear();
    this.checked.set(hash, { at: now, key: k });
    return k;
  }

  /**
   * The principal of a presented key, or `unauthenticated` saying why (malformed, unknown, revoked,
   * expired, owner disabled). Its permissions are the key's scopes that the owner's role still grants.
   */
  async authenticate(key: string): Promise<Principal> {
    if (!KEY_SHAPE.test(key)) throw unauthenticated('API key is malformed');
    const k = await this.lookup(hashApiKey(key));
    if (!k) throw unauthenticated('API key is not valid');
    if (k.revokedAt !== null) throw unauthenticated('API key has been revoked');
    if (k.expiresAt !== null && new Date(k.expiresAt).getTime() <= this.now())
      throw unauthenticated('API key has expired');
    if (k.owner.disabledAt !== null || !isRole(k.owner.role))
      throw unauthenticated("API key's account is disabled");
    const granted = ROLE_PERMISSIONS[k.owner.role];
    const now = this.now();
    if (now - (this.touched.get(k.id) ?? 0) >= TOUCH_EVERY_MS) {
      if (this.touched.size >= KEY_CACHE_MAX) this.touched.clear();
      this.touched.set(k.id, now);
      await touchApiKey(this.db, k.id);
    }
    return {
      kind: 'api_key',
      userId: k.userId,
      role: k.owner.role,
      permissions: granted.filter((p) => k.permissions.includes(p)),
      apiKeyId: k.id,
      label: `api-key:${k.id}`,
    };
  }
}
