// AuthService on a real database (PGlite and PostgreSQL): setup once, login answers, argon2id storage,
// refresh rotation and reuse, disabled accounts, password change, throttling and the audit trail.
import { insertFirstUser } from '@songnodes/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { SYSTEM } from '../src/auth/access.ts';
import { AuditService, type RequestContext } from '../src/auth/audit-service.ts';
import { AuthService, LOGIN_FAILED } from '../src/auth/auth-service.ts';
import { LoginThrottle, MemoryThrottleStore } from '../src/auth/login-throttle.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { TokenSigner } from '../src/auth/token-signer.ts';
import { UserService } from '../src/auth/user-service.ts';
import { ServiceError } from '../src/errors.ts';

const SECRET = 'test-secret-0123456789-0123456789-0123456789';
const ADMIN = { email: 'Owner@Example.org', password: 'correct horse battery' };
const ctx = (requestId: string): RequestContext => ({ ip: '192.0.2.7', requestId, userAgent: 'vitest' });

async function failure(p: Promise<unknown>): Promise<ServiceError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ServiceError);
  return e as ServiceError;
}

describe.skipIf(noServer)('AuthService', () => {
  let t: TestDatabase;
  let auth: AuthService;
  let audit: AuditService;
  let users: UserService;
  let clock = Date.now();
  beforeAll(async () => {
    t = await testDatabase();
    audit = new AuditService({ db: t.db });
    users = new UserService({ db: t.db, audit });
    const now = () => clock;
    auth = new AuthService({
      db: t.db,
      signer: new TokenSigner([SECRET], { now }),
      throttle: new LoginThrottle(new MemoryThrottleStore(now), { now }),
      audit,
      now,
    });
  });
  afterAll(() => t?.drop());

  const actions = async () => (await audit.list(SYSTEM, { limit: 200 })).items;

  it('setup creates the first admin once, signs them in, and is refused afterwards', async () => {
    expect(await auth.setupNeeded()).toBe(true);
    const s = await auth.setup(ADMIN, ctx('setup-1'));
    expect(s.user).toMatchObject({ email: 'owner@example.org', role: 'admin', disabledAt: null });
    expect(s.tokenType).toBe('Bearer');
    expect(s.expiresIn).toBe(900);
    expect(s.refreshToken).toMatch(/^snr_[A-Za-z0-9_-]{43}$/);
    expect(new Date(s.refreshExpiresAt).getTime() - clock).toBe(7 * 24 * 3600 * 1000);
    expect(await auth.authenticate(s.accessToken)).toMatchObject({
      kind: 'user',
      role: 'admin',
      userId: s.user.id,
    });
    expect(await auth.setupNeeded()).toBe(false);
    const again = await failure(auth.setup({ email: 'second@example.org', password: 'another password' }));
    expect(again.kind).toBe('conflict');
    expect(again.message).toMatch(/setup is done/);
    expect((await actions()).find((e) => e.action === 'user.create')).toMatchObject({
      actor: 'owner@example.org',
      target: `user:${s.user.id}`,
      requestId: 'setup-1',
      ip: '192.0.2.7',
      details: { email: 'owner@example.org', role: 'admin', via: 'setup' },
    });
  });

  it('stores the password as argon2id, never as given', async () => {
    const rows = await t.db.query<{ password_hash: string }>('SELECT password_hash FROM users');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.password_hash).toMatch(
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
    );
    expect(rows[0]!.password_hash).not.toContain(ADMIN.password);
  });

  it('signs in with any case of the email; wrong password and unknown email get the same answer', async () => {
    const s = await auth.login({ email: ' OWNER@example.ORG ', password: ADMIN.password }, ctx('login-ok'));
    expect(s.user.email).toBe('owner@example.org');
    const wrong = await failure(
      auth.login({ email: ADMIN.email, password: 'not the password' }, ctx('login-bad')),
    );
    const unknown = await failure(
      auth.login(
        { email: 'nobody@example.org', password: 'not the password' },
        { ...ctx('login-unknown'), ip: '192.0.2.8' },
      ),
    );
    for (const e of [wrong, unknown]) {
      expect(e.kind).toBe('unauthenticated');
      expect(e.message).toBe(LOGIN_FAILED);
    }
    const log = await actions();
    expect(log.find((e) => e.requestId === 'login-ok')).toMatchObject({
      action: 'auth.login',
      actor: 'owner@example.org',
      actorUserId: s.user.id,
      details: { userAgent: 'vitest' },
    });
    expect(log.find((e) => e.requestId === 'login-bad')).toMatchObject({
      action: 'auth.login_failed',
      actor: 'guest',
      target: 'email:owner@example.org',
      details: { reason: 'wrong_password' },
    });
    expect(log.find((e) => e.requestId === 'login-unknown')).toMatchObject({
      action: 'auth.login_failed',
      target: 'email:nobody@example.org',
      details: { reason: 'unknown_email' },
    });
    // Nothing secret in the log.
    expect(JSON.stringify(log)).not.toMatch(/correct horse|not the password|snr_/);
  });

  it('rotates the refresh token on every use; reusing a spent one revokes the whole family', async () => {
    const first = await auth.login({ email: ADMIN.email, password: ADMIN.password });
    const second = await auth.refresh(first.refreshToken, ctx('refresh-1'));
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(await auth.authenticate(second.accessToken)).toMatchObject({ kind: 'user' });
    const third = await auth.refresh(second.refreshToken);
    // An attacker replays the first token: refused, and the legitimate holder's current one dies too.
    const replay = await failure(auth.refresh(first.refreshToken, ctx('replay')));
    expect(replay.kind).toBe('unauthenticated');
    expect(replay.message).toMatch(/already used/);
    const victim = await failure(auth.refresh(third.refreshToken));
    expect(victim.kind).toBe('unauthenticated');
    expect(victim.message).toBe('refresh token has been revoked');
    expect((await actions()).find((e) => e.requestId === 'replay')).toMatchObject({
      action: 'auth.refresh_reuse',
      target: `user:${first.user.id}`,
    });
    // Another sign-in (another family) is untouched.
    const other = await auth.login({ email: ADMIN.email, password: ADMIN.password });
    await expect(auth.refresh(other.refreshToken)).resolves.toMatchObject({ tokenType: 'Bearer' });
    const rows = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM refresh_tokens');
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('refuses malformed, unknown and expired refresh tokens', async () => {
    expect((await failure(auth.refresh('nonsense'))).message).toBe('refresh token is malformed');
    expect((await failure(auth.refresh(`snr_${'A'.repeat(43)}`))).message).toBe('refresh token is not valid');
    const s = await auth.login({ email: ADMIN.email, password: ADMIN.password });
    clock += 7 * 24 * 3600 * 1000 + 1000;
    try {
      expect((await failure(auth.refresh(s.refreshToken))).message).toBe('refresh token has expired');
      expect((await failure(auth.authenticate(s.accessToken))).message).toBe('access token has expired');
    } finally {
      clock = Date.now();
    }
  });

  it('logout revokes the sign-in; a token after logout is refused', async () => {
    const s = await auth.login({ email: ADMIN.email, password: ADMIN.password });
    await auth.logout(s.refreshToken, ctx('logout'));
    expect((await failure(auth.refresh(s.refreshToken))).kind).toBe('unauthenticated');
    await auth.logout('snr_unknown'); // no error for garbage
    expect((await actions()).find((e) => e.requestId === 'logout')).toMatchObject({ action: 'auth.logout' });
  });

  it('a disabled user can neither sign in nor refresh', async () => {
    const u = await users.create(SYSTEM, {
      email: 'dj@example.org',
      password: 'dj password 1',
      role: 'user',
    });
    const s = await auth.login({ email: 'dj@example.org', password: 'dj password 1' });
    await users.update(SYSTEM, u.id, { disabled: true }, ctx('disable'));
    const login = await failure(auth.login({ email: 'dj@example.org', password: 'dj password 1' }));
    expect(login.kind).toBe('unauthenticated');
    expect(login.message).toBe('this account is disabled');
    // Wrong password on a disabled account still says only the usual.
    expect((await failure(auth.login({ email: 'dj@example.org', password: 'wrong guess 1' }))).message).toBe(
      LOGIN_FAILED,
    );
    expect((await failure(auth.refresh(s.refreshToken))).kind).toBe('unauthenticated');
    await users.update(SYSTEM, u.id, { disabled: false });
    await expect(auth.login({ email: 'dj@example.org', password: 'dj password 1' })).resolves.toMatchObject({
      user: { email: 'dj@example.org' },
    });
  });

  it('changes a password: the current one is checked, other sessions end, the old password stops working', async () => {
    await users.create(SYSTEM, { email: 'pw@example.org', password: 'first password', role: 'premium' });
    const a = await auth.login({ email: 'pw@example.org', password: 'first password' });
    const b = await auth.login({ email: 'pw@example.org', password: 'first password' });
    const me = await auth.authenticate(a.accessToken);
    expect(await auth.me(me)).toMatchObject({ email: 'pw@example.org', role: 'premium' });
    const wrong = await failure(
      auth.changePassword(me, { current: 'not it at all', next: 'second password' }),
    );
    expect(wrong).toMatchObject({ kind: 'invalid', field: 'current' });
    const short = await failure(auth.changePassword(me, { current: 'first password', next: 'short' }));
    expect(short).toMatchObject({ kind: 'invalid', field: 'next' });
    const fresh = await auth.changePassword(
      me,
      { current: 'first password', next: 'second password' },
      ctx('pw'),
    );
    expect((await failure(auth.refresh(b.refreshToken))).kind).toBe('unauthenticated');
    await expect(auth.refresh(fresh.refreshToken)).resolves.toMatchObject({ tokenType: 'Bearer' });
    expect((await failure(auth.login({ email: 'pw@example.org', password: 'first password' }))).message).toBe(
      LOGIN_FAILED,
    );
    await expect(auth.login({ email: 'pw@example.org', password: 'second password' })).resolves.toBeTruthy();
    expect((await actions()).find((e) => e.requestId === 'pw')).toMatchObject({ action: 'user.password' });
    expect(JSON.stringify(await actions())).not.toMatch(/first password|second password/);
  });

  it('throttles repeated failures with too_many, the same for unknown and known accounts', async () => {
    const ip = { ip: '198.51.100.1', requestId: null };
    for (const email of ['owner@example.org', 'ghost@example.org']) {
      for (let i = 0; i < 5; i++)
        expect(
          (
            await failure(
              auth.login({ email, password: `guess number ${i}` }, { ...ip, ip: `198.51.100.${i + 10}` }),
            )
          ).kind,
        ).toBe('unauthenticated');
      const e = await failure(
        auth.login({ email, password: ADMIN.password }, { ...ip, ip: '198.51.100.99' }),
      );
      expect(e.kind).toBe('too_many');
      expect(e.details).toEqual({ retryAfterSeconds: 1 });
      expect(e.message).toBe('too many failed sign-ins; try again in 1 s');
    }
    clock += 1000;
    try {
      await expect(auth.login({ email: ADMIN.email, password: ADMIN.password }, ip)).resolves.toBeTruthy();
    } finally {
      clock = Date.now();
    }
  });

  it('an unknown email costs what a wrong password costs (no enumeration by timing)', async () => {
    // No throttle here: the test times the checks themselves.
    const timed = new AuthService({
      db: t.db,
      signer: new TokenSigner([SECRET]),
      throttle: new LoginThrottle(new MemoryThrottleStore(), { freeFailures: 1_000 }),
    });
    const median = async (email: string) => {
      const ms: number[] = [];
      for (let i = 0; i < 7; i++) {
        const start = performance.now();
        await timed.login({ email, password: `wrong password ${i}` }).catch(() => {});
        ms.push(performance.now() - start);
      }
      return ms.sort((a, b) => a - b)[3]!;
    };
    expect(await t.db.query("SELECT 1 FROM users WHERE email = 'owner@example.org'")).toHaveLength(1);
    const known = await median('owner@example.org');
    const unknown = await median('nobody-here@example.org');
    // Both run one argon2 verification (tens of milliseconds); without the dummy one an unknown email
    // would answer after a single index lookup, an order of magnitude sooner.
    expect(unknown / known).toBeGreaterThan(0.5);
    expect(unknown / known).toBeLessThan(2);
  });

  it('absurd input is a failed sign-in like any other', async () => {
    const lenient = new AuthService({
      db: t.db,
      signer: new TokenSigner([SECRET]),
      throttle: new LoginThrottle(new MemoryThrottleStore(), { freeFailures: 1_000 }),
    });
    const inputs = [
      { email: 'owner@example.org', password: 'x'.repeat(100_000) },
      { email: `${'a'.repeat(10_000)}@example.org`, password: 'whatever password' },
      { email: "owner@example.org' OR '1'='1", password: "' OR '1'='1" },
      { email: 42, password: null },
    ] as unknown as { email: string; password: string }[];
    for (const input of inputs) {
      const e = await failure(lenient.login(input));
      expect(e.kind).toBe('unauthenticated');
      expect(e.message).toBe(LOGIN_FAILED);
    }
  });

  it('authenticate refuses an empty credential and a token from another secret', async () => {
    expect((await failure(auth.authenticate(''))).kind).toBe('unauthenticated');
    const stranger = await new TokenSigner(['another-secret-0123456789-0123456789']).sign({
      id: 1,
      email: 'owner@example.org',
      role: 'admin',
    });
    expect((await failure(auth.authenticate(stranger.token))).message).toBe(
      'access token was signed with a key that is no longer accepted',
    );
  });
});

describe.skipIf(noServer)('first-start setup under concurrency', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await testDatabase();
  });
  afterAll(() => t?.drop());

  it('setups at once make exactly one admin', async () => {
    // The repository's guard directly, eight at once, so that on PostgreSQL (a pool of connections)
    // the transactions overlap; then the service.
    const hash = await hashPassword('some admin password');
    const made = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        insertFirstUser(t.db, { email: `race${i}@example.org`, passwordHash: hash, role: 'admin' }),
      ),
    );
    expect(made.filter((u) => u !== null)).toHaveLength(1);
    const auth = new AuthService({ db: t.db, signer: new TokenSigner([SECRET]) });
    expect(
      await failure(auth.setup({ email: 'late@example.org', password: 'late admin password' })),
    ).toMatchObject({
      kind: 'conflict',
    });
    expect(await t.db.query('SELECT role FROM users')).toEqual([{ role: 'admin' }]);
  });

  it("a sign-in forgets the account's refresh tokens that expired more than a day ago", async () => {
    const auth = new AuthService({ db: t.db, signer: new TokenSigner([SECRET]) });
    const [u] = await t.db.query<{ id: number; email: string }>('SELECT id, email FROM users');
    await t.db.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
       VALUES ($1, 'old', 'old-hash', now() - interval '2 days'), ($1, 'recent', 'recent-hash', now() - interval '1 hour')`,
      [u!.id],
    );
    await auth.login({ email: u!.email, password: 'some admin password' });
    const left = await t.db.query<{ family_id: string }>('SELECT family_id FROM refresh_tokens ORDER BY id');
    expect(left.map((r) => r.family_id)).not.toContain('old');
    expect(left.map((r) => r.family_id)).toContain('recent');
  });
});
