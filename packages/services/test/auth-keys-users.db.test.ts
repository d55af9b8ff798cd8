// API keys (create, list, use, revoke, expire, scopes within the owner's role) and user management
// (permission checks, role changes audited, the last admin kept) on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { GUEST, LOCAL_OWNER, type Principal, ROLE_PERMISSIONS, SYSTEM } from '../src/auth/access.ts';
import { ApiKeyService } from '../src/auth/api-key-service.ts';
import { AuditService } from '../src/auth/audit-service.ts';
import { AuthService, type Session } from '../src/auth/auth-service.ts';
import { TokenSigner } from '../src/auth/token-signer.ts';
import { UserService } from '../src/auth/user-service.ts';
import { ServiceError } from '../src/errors.ts';

const SECRET = 'test-secret-0123456789-0123456789-0123456789';

async function failure(p: Promise<unknown>): Promise<ServiceError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ServiceError);
  return e as ServiceError;
}

describe.skipIf(noServer)('API keys and users', () => {
  let t: TestDatabase;
  let auth: AuthService;
  let keys: ApiKeyService;
  let users: UserService;
  let audit: AuditService;
  let clock = Date.now();
  let admin: Principal;
  let dj: Principal;
  let djSession: Session;
  beforeAll(async () => {
    t = await testDatabase();
    const now = () => clock;
    audit = new AuditService({ db: t.db });
    keys = new ApiKeyService({ db: t.db, audit, now });
    users = new UserService({ db: t.db, audit, onAccountChange: () => keys.forget() });
    auth = new AuthService({
      db: t.db,
      signer: new TokenSigner([SECRET], { now }),
      audit,
      apiKeys: keys,
      now,
    });
    const s = await auth.setup({ email: 'admin@example.org', password: 'admin password' });
    admin = await auth.authenticate(s.accessToken);
    await users.create(SYSTEM, { email: 'dj@example.org', password: 'dj password 1' });
    djSession = await auth.login({ email: 'dj@example.org', password: 'dj password 1' });
    dj = await auth.authenticate(djSession.accessToken);
  });
  afterAll(() => t?.drop());

  it('creates a key shown once, stores only its hash, and authenticates it with its scopes', async () => {
    const { key, apiKey } = await keys.create(
      dj,
      { name: ' nightly export ', permissions: ['read:graph', 'export'] },
      {
        ip: '192.0.2.1',
        requestId: 'key-1',
      },
    );
    expect(key).toMatch(/^snk_[A-Za-z0-9_-]{8}[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({
      name: 'nightly export',
      permissions: ['read:graph', 'export'],
      revokedAt: null,
    });
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey.prefix).toHaveLength(12);
    const stored = await t.db.query<{ key_hash: string }>('SELECT key_hash FROM api_keys WHERE id = $1', [
      apiKey.id,
    ]);
    expect(stored[0]!.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await t.db.query('SELECT * FROM api_keys'))).not.toContain(key.slice(12));
    const p = await auth.authenticate(key);
    expect(p).toEqual({
      kind: 'api_key',
      userId: dj.userId,
      role: 'user',
      permissions: ['read:graph', 'export'],
      apiKeyId: apiKey.id,
      label: `api-key:${apiKey.id}`,
    });
    const listed = await keys.list(dj);
    expect(listed.map((k) => k.id)).toEqual([apiKey.id]);
    expect(listed[0]!.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(key.slice(12));
    expect(await keys.list(admin)).toEqual([]);
    const entry = (await audit.list(SYSTEM)).items.find((e) => e.requestId === 'key-1');
    expect(entry).toMatchObject({
      action: 'apikey.create',
      actor: 'dj@example.org',
      target: `apikey:${apiKey.id}`,
    });
    expect(JSON.stringify(entry)).not.toContain(key.slice(12));
  });

  it("scopes must be permissions of the owner's role", async () => {
    const e = await failure(
      keys.create(dj, { name: 'too much', permissions: ['read:graph', 'merge:tracks'] }),
    );
    expect(e).toMatchObject({ kind: 'invalid', field: 'permissions.1' });
    expect(e.message).toBe("merge:tracks is not among your role's (user) permissions");
    expect(await failure(keys.create(dj, { name: 'typo', permissions: ['read:grpah'] }))).toMatchObject({
      kind: 'invalid',
      field: 'permissions.0',
    });
    expect(await failure(keys.create(dj, { name: 'none', permissions: [] }))).toMatchObject({
      field: 'permissions',
    });
    expect(await failure(keys.create(dj, { name: '', permissions: ['read:graph'] }))).toMatchObject({
      field: 'name',
    });
    const { key } = await keys.create(admin, { name: 'admin script', permissions: ['merge:tracks'] });
    expect((await auth.authenticate(key)).permissions).toEqual(['merge:tracks']);
  });

  it("a demoted owner's key keeps only the scopes the new role grants", async () => {
    await users.create(SYSTEM, { email: 'pro@example.org', password: 'pro password', role: 'premium' });
    const pro = await auth.authenticate(
      (await auth.login({ email: 'pro@example.org', password: 'pro password' })).accessToken,
    );
    const { key } = await keys.create(pro, { name: 'jobs', permissions: ['run:jobs', 'read:graph'] });
    expect((await auth.authenticate(key)).permissions).toEqual(['read:graph', 'run:jobs']);
    await users.update(SYSTEM, pro.userId!, { role: 'user' });
    expect((await auth.authenticate(key)).permissions).toEqual(['read:graph']);
  });

  it('trusts a checked key for 5 seconds: a revocation made elsewhere (another process) holds after that', async () => {
    const { key, apiKey } = await keys.create(dj, { name: 'cached', permissions: ['read:graph'] });
    await expect(auth.authenticate(key)).resolves.toMatchObject({ kind: 'api_key' });
    // As another API process would: straight in the database, this process's cache not told.
    await t.db.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [apiKey.id]);
    await expect(auth.authenticate(key)).resolves.toMatchObject({ kind: 'api_key' });
    clock += 5_000;
    expect((await failure(auth.authenticate(key))).message).toBe('API key has been revoked');
  });

  it('revoked, expired, unknown and malformed keys are refused; only the owner revokes', async () => {
    const { key, apiKey } = await keys.create(dj, { name: 'short-lived', permissions: ['read:graph'] });
    expect(await failure(keys.revoke(admin, apiKey.id))).toMatchObject({ kind: 'not_found' });
    await expect(auth.authenticate(key)).resolves.toMatchObject({ kind: 'api_key' });
    const revoked = await keys.revoke(dj, apiKey.id, { ip: null, requestId: 'revoke-1' });
    expect(revoked.revokedAt).not.toBeNull();
    expect((await failure(auth.authenticate(key))).message).toBe('API key has been revoked');
    expect((await audit.list(SYSTEM)).items.find((e) => e.requestId === 'revoke-1')).toMatchObject({
      action: 'apikey.revoke',
    });

    const expiring = await keys.create(dj, {
      name: 'one hour',
      permissions: ['read:graph'],
      expiresAt: new Date(clock + 3600_000).toISOString(),
    });
    await expect(auth.authenticate(expiring.key)).resolves.toMatchObject({ kind: 'api_key' });
    clock += 3600_000 + 1;
    try {
      expect((await failure(auth.authenticate(expiring.key))).message).toBe('API key has expired');
    } finally {
      clock = Date.now();
    }
    expect(
      await failure(
        keys.create(dj, { name: 'past', permissions: ['read:graph'], expiresAt: '2001-01-01T00:00:00Z' }),
      ),
    ).toMatchObject({ field: 'expiresAt' });
    expect(
      await failure(keys.create(dj, { name: 'bad', permissions: ['read:graph'], expiresAt: 'tomorrow' })),
    ).toMatchObject({
      field: 'expiresAt',
    });

    const forged = `${key.slice(0, 12)}${'A'.repeat(43)}`;
    expect((await failure(auth.authenticate(forged))).message).toBe('API key is not valid');
    expect((await failure(auth.authenticate('snk_short'))).message).toBe('API key is malformed');
  });

  it("a disabled owner's keys stop working; keys are for signed-in users only", async () => {
    await users.create(SYSTEM, { email: 'gone@example.org', password: 'gone password' });
    const gone = await auth.authenticate(
      (await auth.login({ email: 'gone@example.org', password: 'gone password' })).accessToken,
    );
    const { key } = await keys.create(gone, { name: 'k', permissions: ['read:graph'] });
    await users.update(admin, gone.userId!, { disabled: true });
    expect((await failure(auth.authenticate(key))).message).toBe("API key's account is disabled");
    const viaKey = await auth.authenticate(
      (await keys.create(dj, { name: 'k2', permissions: ['read:graph'] })).key,
    );
    expect(await failure(keys.create(viaKey, { name: 'k3', permissions: ['read:graph'] }))).toMatchObject({
      kind: 'forbidden',
    });
    expect(await failure(keys.list(LOCAL_OWNER))).toMatchObject({ kind: 'forbidden' });
  });

  it('user management needs admin:users; creation validates and refuses duplicates', async () => {
    for (const who of [dj, GUEST]) {
      expect(await failure(users.list(who))).toMatchObject({ kind: 'forbidden' });
      expect(
        await failure(users.create(who, { email: 'x@example.org', password: 'x password 1' })),
      ).toMatchObject({
        kind: 'forbidden',
      });
      expect(await failure(audit.list(who))).toMatchObject({ kind: 'forbidden' });
    }
    expect(
      await failure(users.create(admin, { email: 'DJ@example.org', password: 'another one 1' })),
    ).toMatchObject({
      kind: 'conflict',
      field: 'email',
    });
    expect(
      await failure(users.create(admin, { email: 'not an email', password: 'long enough 1' })),
    ).toMatchObject({
      kind: 'invalid',
      field: 'email',
    });
    expect(await failure(users.create(admin, { email: 'n@example.org', password: 'short' }))).toMatchObject({
      field: 'password',
    });
    expect(
      await failure(users.create(admin, { email: 'n@example.org', password: 'long enough 1', role: 'root' })),
    ).toMatchObject({
      field: 'role',
    });
    const page = await users.list(admin, { limit: 2 });
    expect(page.items.map((u) => u.email)).toEqual(['admin@example.org', 'dj@example.org']);
    expect(page.next).toBe(page.items[1]!.id);
    expect(JSON.stringify(page)).not.toMatch(/argon2/);
    expect(await users.findByEmail(SYSTEM, ' DJ@Example.org')).toMatchObject({ id: dj.userId });
  });

  it('role changes are audited with before and after; the last admin cannot be demoted or disabled', async () => {
    const changed = await users.update(
      admin,
      dj.userId!,
      { role: 'premium' },
      { ip: '192.0.2.5', requestId: 'role-1' },
    );
    expect(changed.role).toBe('premium');
    // The next refresh carries the new role (an access token keeps its role for its 15 minutes).
    const renewed = await auth.refresh(djSession.refreshToken);
    expect(renewed.user.role).toBe('premium');
    expect(await auth.authenticate(renewed.accessToken)).toMatchObject({
      role: 'premium',
      permissions: ROLE_PERMISSIONS.premium,
    });
    expect(await auth.authenticate(djSession.accessToken)).toMatchObject({ role: 'user' });
    expect((await audit.list(admin, { action: 'user.role' })).items[0]).toMatchObject({
      actor: 'admin@example.org',
      actorUserId: admin.userId,
      target: `user:${dj.userId}`,
      requestId: 'role-1',
      ip: '192.0.2.5',
      details: { from: 'user', to: 'premium' },
    });
    expect(await failure(users.update(admin, admin.userId!, { role: 'user' }))).toMatchObject({
      kind: 'conflict',
      field: 'role',
    });
    expect(await failure(users.update(admin, admin.userId!, { disabled: true }))).toMatchObject({
      field: 'disabled',
    });
    expect(await failure(users.update(admin, 999_999, { role: 'user' }))).toMatchObject({
      kind: 'not_found',
    });
    await users.update(admin, dj.userId!, { role: 'admin' });
    await expect(users.update(admin, admin.userId!, { role: 'user' })).resolves.toMatchObject({
      role: 'user',
    });
  });

  it('the audit log pages newest first and filters by action', async () => {
    const all = await audit.list(SYSTEM, { limit: 3 });
    expect(all.items).toHaveLength(3);
    expect(all.items[0]!.id).toBeGreaterThan(all.items[1]!.id);
    const rest = await audit.list(SYSTEM, { limit: 3, before: all.next! });
    expect(rest.items[0]!.id).toBeLessThan(all.items[2]!.id);
    const creates = await audit.list(SYSTEM, { action: 'apikey.create', limit: 200 });
    expect(creates.items.length).toBeGreaterThan(3);
    expect(creates.items.every((e) => e.action === 'apikey.create')).toBe(true);
    expect(await failure(audit.list(SYSTEM, { action: "x' OR 1=1 --" }))).toMatchObject({ field: 'action' });
    expect(await failure(audit.list(SYSTEM, { limit: 0 }))).toMatchObject({ field: 'limit' });
  });
});

describe('roles table sanity for the tests above', () => {
  it('user and premium differ by run:jobs and write:tracks', () => {
    expect(ROLE_PERMISSIONS.premium.filter((p) => !ROLE_PERMISSIONS.user.includes(p))).toEqual([
      'write:tracks',
      'run:jobs',
    ]);
  });
});
