// Attacks at the HTTP layer, each through the real app (app.inject) on a real database, each failing
// if its protection is removed: forged, expired and rotated-out access tokens; refresh-token replay;
// CSRF on cookie and local-mode writes; guests and users without the permission; oversized and deeply
// nested JSON; GraphQL bombs with accounts on; path traversal in upload names; brute-force sign-in;
// rate limits; security headers.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphStore } from '@songnodes/db';
import { GraphService } from '@songnodes/graph';
import { importItems } from '@songnodes/ingest';
import { JobQueue } from '@songnodes/jobs';
import {
  followChanges,
  keyId,
  LocalEventBus,
  ROLE_PERMISSIONS,
  SYSTEM,
  TokenSigner,
} from '@songnodes/services';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { testSet } from '../../../test/sets.ts';
import type { ApiServices } from '../src/api/plugin.ts';
import { createApiServices } from '../src/api/services.ts';
import { type AppConfig, buildApp } from '../src/app.ts';

const KEY_NEW = 'n'.repeat(20) + 'new-signing-key-0123456789';
const KEY_OLD = 'o'.repeat(20) + 'old-signing-key-0123456789';
const KEY_GONE = 'g'.repeat(20) + 'retired-key-0123456789abcd';
const PASSWORD = 'correct horse battery';
/** A request from another machine: not the local owner even in local mode. */
const REMOTE = '203.0.113.7';
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe.skipIf(noServer)('attacks at the HTTP layer', () => {
  let t: TestDatabase;
  let jobs: JobQueue;
  let api: ApiServices;
  let uploads: string;
  const apps: FastifyInstance[] = [];
  let app: FastifyInstance;
  let local: FastifyInstance;

  const build = async (config: Partial<AppConfig>) => {
    const a = await buildApp({ config: { LOG_LEVEL: 'silent', ...config }, db: t.db, jobs, api });
    apps.push(a);
    return a;
  };

  beforeAll(async () => {
    t = await testDatabase();
    uploads = mkdtempSync(join(tmpdir(), 'songnodes-attacks-'));
    await importItems(t.db, [
      testSet('a', ['Kay Loom - Sundial', 'Mira Vale - Tide', 'Ora - Drift'], { performers: ['DJ One'] }),
    ]);
    const graph = await GraphService.start(graphStore(t.db));
    jobs = await JobQueue.start(t.db, { schedule: false });
    const bus = new LocalEventBus();
    followChanges(bus, () => Promise.resolve(graph));
    api = createApiServices({
      db: t.db,
      bus,
      graph,
      jobs,
      uploadDir: uploads,
      jwtSecrets: [KEY_NEW, KEY_OLD],
    });
    await api.users.create(SYSTEM, { email: 'user@example.org', password: PASSWORD, role: 'user' });
    await api.users.create(SYSTEM, { email: 'admin@example.org', password: PASSWORD, role: 'admin' });
    app = await build({ authMode: 'required', RATE_LIMIT_LOGIN: 1000, RATE_LIMIT_GUEST: 1000 });
    local = await build({ authMode: 'local', RATE_LIMIT_LOGIN: 1000 });
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await jobs?.stop(1000);
    await t?.drop();
    rmSync(uploads, { recursive: true, force: true });
  });

  const login = async (email: string, a = app) => {
    const r = await a.inject({
      method: 'POST',
      url: '/api/v1/auth/login?cookie=false',
      payload: { email, password: PASSWORD },
      remoteAddress: REMOTE,
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { accessToken: string; refreshToken: string };
  };
  const as = (token: string, o: InjectOptions) =>
    app.inject({ ...o, remoteAddress: REMOTE, headers: { ...o.headers, authorization: `Bearer ${token}` } });

  describe('access tokens', () => {
    const adminUsers = (token: string) => as(token, { method: 'GET', url: '/api/v1/admin/users' });

    it('a good token works; a signature, algorithm, key, expiry or role that is not ours is 401', async () => {
      const admin = await login('admin@example.org');
      expect((await adminUsers(admin.accessToken)).statusCode).toBe(200);
      const [header, payload] = admin.accessToken.split('.') as [string, string, string];

      // alg none: no signature at all.
      const none = `${b64({ alg: 'none', typ: 'JWT', kid: keyId(KEY_NEW) })}.${payload}.`;
      // The signature of another key under our key id.
      const forger = new TokenSigner([KEY_GONE]);
      const other = (await forger.sign({ id: 1, email: 'admin@example.org', role: 'admin' })).token;
      const wrongSignature = `${header}.${other.split('.')[1]}.${other.split('.')[2]}`;
      // Signed by a key that was rotated out (no longer configured).
      const retired = other;
      // Expired: signed 16 minutes ago.
      const past = new TokenSigner([KEY_NEW], { now: () => Date.now() - 16 * 60 * 1000 });
      const expired = (await past.sign({ id: 2, email: 'admin@example.org', role: 'admin' })).token;
      // A user's token with its role edited to admin (the signature no longer matches).
      const user = await login('user@example.org');
      const [uh, up, us] = user.accessToken.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(up, 'base64url').toString());
      const forgedRole = `${uh}.${b64({ ...claims, roles: ['admin'], permissions: ROLE_PERMISSIONS.admin })}.${us}`;
      const forgedAdmin = `${uh}.${b64({ ...claims, roles: ['admin'] })}.${us}`;

      for (const [what, token, reason] of [
        ['alg none', none, /algorithm|not accepted/],
        ['wrong signature', wrongSignature, /signature/],
        ['rotated-out key', retired, /no longer accepted/],
        ['expired', expired, /expired/],
        ['forged role', forgedRole, /signature/],
        ['forged role (permissions kept)', forgedAdmin, /signature/],
        ['not a token', 'abc', /malformed/],
      ] as const) {
        const r = await adminUsers(token);
        expect(r.statusCode, what).toBe(401);
        expect(r.headers['www-authenticate'], what).toMatch(/^Bearer/);
        expect(r.headers['content-type'], what).toMatch(/problem\+json/);
        expect(r.json().detail, what).toMatch(reason);
      }
      // A bad credential on a public read is refused too, never served as a guest.
      expect((await as('abc', { method: 'GET', url: '/api/v1/stats' })).statusCode).toBe(401);
    });

    it('rotation signs nobody out: a token of the second configured key still verifies', async () => {
      const old = new TokenSigner([KEY_OLD]);
      const me = await api.users.findByEmail(SYSTEM, 'admin@example.org');
      const token = (await old.sign({ id: me.id, email: me.email, role: 'admin' })).token;
      expect((await adminUsers(token)).statusCode).toBe(200);
    });
  });

  it('refresh-token replay is refused and ends the whole sign-in', async () => {
    const first = await login('user@example.org');
    const refresh = (token: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh?cookie=false',
        payload: { refreshToken: token },
        remoteAddress: REMOTE,
      });
    const second = await refresh(first.refreshToken);
    expect(second.statusCode).toBe(200);
    const rotated = second.json().refreshToken as string;
    expect(rotated).not.toBe(first.refreshToken);
    // The stolen copy comes back: refused, and the family (the thief's and the user's) is revoked.
    const replay = await refresh(first.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().detail).toMatch(/already used/);
    expect((await refresh(rotated)).statusCode).toBe(401);
    const audit = await api.audit.list(SYSTEM, { action: 'auth.refresh_reuse' });
    expect(audit.items.length).toBeGreaterThan(0);
  });

  describe('CSRF', () => {
    it('a refresh riding on the cookie needs the CSRF header and our own origin', async () => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'user@example.org', password: PASSWORD },
        remoteAddress: REMOTE,
      });
      expect(r.statusCode).toBe(200);
      expect(r.json().refreshToken).toBeUndefined();
      const cookie = r.cookies.find((c) => c.name === 'songnodes_refresh');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
      // Plain HTTP: not Secure (a browser would drop a Secure cookie on http://localhost).
      expect(cookie?.secure).toBeFalsy();
      const withCookie = (headers: Record<string, string>) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/auth/refresh',
          cookies: { songnodes_refresh: cookie!.value },
          headers,
          remoteAddress: REMOTE,
        });
      const forged = await withCookie({});
      expect(forged.statusCode, forged.body).toBe(403);
      expect(forged.json().detail).toMatch(/X-SongNodes-CSRF/);
      const foreign = await withCookie({ 'x-songnodes-csrf': '1', origin: 'https://evil.example' });
      expect(foreign.statusCode).toBe(403);
      expect(foreign.json().detail).toMatch(/origin https:\/\/evil.example/);
      const ok = await withCookie({ 'x-songnodes-csrf': '1', origin: 'http://localhost:80' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.cookies.find((c) => c.name === 'songnodes_refresh')?.value).not.toBe(cookie!.value);
    });

    it('a write in local mode needs the CSRF header; a token-authenticated write does not', async () => {
      const body = {
        title: 'CSRF test',
        performers: ['DJ C'],
        entries: [{ raw: 'A - B' }, { raw: 'C - D' }],
      };
      const forged = await local.inject({ method: 'POST', url: '/api/v1/sets', payload: body });
      expect(forged.statusCode, forged.body).toBe(403);
      expect(forged.json().detail).toMatch(/X-SongNodes-CSRF: 1/);
      const foreign = await local.inject({
        method: 'POST',
        url: '/api/v1/sets',
        payload: body,
        headers: { 'x-songnodes-csrf': '1', origin: 'http://evil.example' },
      });
      // A page of another origin gets no local authority at all: it is a guest, who may not write.
      expect(foreign.statusCode).toBe(401);
      const ok = await local.inject({
        method: 'POST',
        url: '/api/v1/sets',
        payload: body,
        headers: { 'x-songnodes-csrf': '1', origin: 'http://localhost:80' },
      });
      expect(ok.statusCode, ok.body).toBe(201);
      const admin = await login('admin@example.org', local);
      const bearer = await local.inject({
        method: 'POST',
        url: '/api/v1/sets',
        payload: { ...body, title: 'Bearer' },
        headers: { authorization: `Bearer ${admin.accessToken}` },
      });
      expect(bearer.statusCode, bearer.body).toBe(201);
      // GraphQL mutations over local mode too.
      const gql = await local.inject({
        method: 'POST',
        url: '/graphql',
        payload: { query: 'mutation { computeLayout { jobId } }' },
      });
      expect(gql.statusCode, gql.body).toBe(403);
    });

    it('local mode trusts loopback only: another machine, a proxy, a rebound DNS name or a foreign page is a guest', async () => {
      const me = (o: Partial<InjectOptions>) => local.inject({ method: 'GET', url: '/api/v1/auth/me', ...o });
      expect((await me({})).json().principal.kind).toBe('local');
      expect((await me({ remoteAddress: REMOTE })).json().principal.kind).toBe('guest');
      expect((await me({ headers: { 'x-forwarded-for': REMOTE } })).json().principal.kind).toBe('guest');
      expect((await me({ headers: { host: 'attacker.example:8080' } })).json().principal.kind).toBe('guest');
      expect((await me({ headers: { origin: 'https://evil.example' } })).json().principal.kind).toBe('guest');
      // Setup (making the first admin) is refused from anywhere but this machine.
      const remoteSetup = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/setup',
        payload: { email: 'x@example.org', password: PASSWORD },
        remoteAddress: REMOTE,
      });
      expect(remoteSetup.statusCode).toBe(403);
    });
  });

  describe('permissions', () => {
    it('a guest write is 401 (sign in); a user merge is 403 naming merge:tracks', async () => {
      const merge = { keptId: 1, mergedId: 2 };
      const guest = await app.inject({
        method: 'POST',
        url: '/api/v1/dedupe/merge',
        payload: merge,
        remoteAddress: REMOTE,
      });
      expect(guest.statusCode).toBe(401);
      expect(guest.json()).toMatchObject({ permission: 'merge:tracks' });
      expect(guest.json().detail).toMatch(/sign in/);
      const user = await login('user@example.org');
      const r = await as(user.accessToken, { method: 'POST', url: '/api/v1/dedupe/merge', payload: merge });
      expect(r.statusCode).toBe(403);
      expect(r.json()).toMatchObject({ permission: 'merge:tracks' });
      expect(r.json().detail).toMatch(/role user lacks the permission merge:tracks/);
      // The same over GraphQL.
      const g = await as(user.accessToken, {
        method: 'POST',
        url: '/graphql',
        payload: { query: 'mutation { mergeTracks(keptId: "1", mergedId: "2") { mergeId } }' },
      });
      expect(g.statusCode).toBe(403);
      expect(g.json().errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(g.json().errors[0].message).toMatch(/merge:tracks/);
      // Guests still read the public graph.
      expect(
        (await app.inject({ method: 'GET', url: '/api/v1/stats', remoteAddress: REMOTE })).statusCode,
      ).toBe(200);
    });

    it('an API key works by header or Bearer, only within its scopes, and not once revoked', async () => {
      const user = await login('user@example.org');
      const created = await as(user.accessToken, {
        method: 'POST',
        url: '/api/v1/account/api-keys',
        payload: { name: 'script', permissions: ['read:graph'] },
      });
      expect(created.statusCode, created.body).toBe(201);
      const { key, apiKey } = created.json();
      expect(key).toMatch(/^snk_/);
      const listed = await as(user.accessToken, { method: 'GET', url: '/api/v1/account/api-keys' });
      expect(JSON.stringify(listed.json())).not.toContain(key);
      const read = await app.inject({ method: 'GET', url: '/api/v1/stats', headers: { 'x-api-key': key } });
      expect(read.statusCode).toBe(200);
      const me = await as(key, { method: 'GET', url: '/api/v1/auth/me' });
      expect(me.json().principal).toMatchObject({ kind: 'api_key', permissions: ['read:graph'] });
      const write = await as(key, {
        method: 'POST',
        url: '/api/v1/plans',
        payload: { name: 'x', tracks: [1] },
      });
      expect(write.statusCode).toBe(403);
      expect(write.json().detail).toMatch(/this API key lacks the permission write:sets/);
      const revoked = await as(user.accessToken, {
        method: 'DELETE',
        url: `/api/v1/account/api-keys/${apiKey.id}`,
      });
      expect(revoked.statusCode).toBe(204);
      expect(
        (await app.inject({ method: 'GET', url: '/api/v1/stats', headers: { 'x-api-key': key } })).statusCode,
      ).toBe(401);
    });
  });

  describe('bodies', () => {
    it('an oversized JSON body is 413; a deeply nested one is 400 before it is parsed', async () => {
      const admin = await login('admin@example.org');
      const big = await as(admin.accessToken, {
        method: 'POST',
        url: '/api/v1/sets',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) }),
      });
      expect(big.statusCode).toBe(413);
      expect(big.headers['content-type']).toMatch(/problem\+json/);
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const nested = await as(admin.accessToken, {
        method: 'POST',
        url: '/api/v1/plans',
        headers: { 'content-type': 'application/json' },
        payload: `{"name":"x","tracks":[1],"constraints":{"a":${deep}}}`,
      });
      expect(nested.statusCode).toBe(400);
      expect(nested.json().detail).toMatch(/nests deeper than 64 levels/);
      // Within the limit it is an ordinary body.
      const fine = await as(admin.accessToken, {
        method: 'POST',
        url: '/api/v1/plans',
        headers: { 'content-type': 'application/json' },
        payload: `{"name":"x","tracks":[1],"constraints":{"a":${'['.repeat(20)}${']'.repeat(20)}}}`,
      });
      expect(fine.statusCode, fine.body).toBe(201);
      // The same over GraphQL.
      const gqlDeep = await as(admin.accessToken, {
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: `{"query":"{ stats }","variables":{"a":${deep}}}`,
      });
      expect(gqlDeep.statusCode).toBe(400);
    });

    it('an upload named with ../ lands inside the upload folder, under its base name', async () => {
      const name = `escape-${process.pid}-${Date.now()}.txt`;
      const admin = await login('admin@example.org');
      const r = await as(admin.accessToken, {
        method: 'POST',
        url: `/api/v1/imports?filename=${encodeURIComponent(`../../../../../tmp/${name}`)}`,
        headers: { 'content-type': 'text/plain' },
        payload: 'A - B\nC - D\n',
      });
      expect(r.statusCode, r.body).toBe(202);
      expect(existsSync(join('/tmp', name))).toBe(false);
      const stored = readdirSync(uploads);
      expect(stored.some((f) => f.endsWith(`-${name}`))).toBe(true);
      expect(stored.every((f) => !f.includes('..') && !f.includes('/'))).toBe(true);
    });
  });

  it('GraphQL depth and complexity bombs are still refused with accounts on, for every caller', async () => {
    const user = await login('user@example.org');
    let deep = 'id';
    for (let i = 0; i < 20; i++) deep = `transitionsOut(first: 1) { to { ${deep} } }`;
    for (const asWho of [user.accessToken, null]) {
      const send = (query: string) =>
        asWho
          ? as(asWho, { method: 'POST', url: '/graphql', payload: { query } })
          : app.inject({ method: 'POST', url: '/graphql', payload: { query }, remoteAddress: REMOTE });
      const tooDeep = await send(`{ track(id: "1") { ${deep} } }`);
      expect(tooDeep.statusCode).toBe(400);
      expect(tooDeep.json().errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
      const wide = await send(
        '{ tracks(first: 500) { items { transitionsOut(first: 500) { to { title } } } } }',
      );
      expect(wide.statusCode).toBe(400);
      expect(wide.json().errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    }
    // A guest may query but not mutate.
    const guestMutation = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: 'mutation { computeLayout { jobId } }' },
      remoteAddress: REMOTE,
    });
    expect(guestMutation.statusCode).toBe(401);
    expect(guestMutation.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('brute-force sign-in is slowed down: 429 with Retry-After, the same for unknown accounts', async () => {
    const attempt = (email: string, password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
        remoteAddress: '198.51.100.20',
      });
    for (let i = 0; i < 5; i++) {
      const r = await attempt('admin@example.org', `wrong password ${i}`);
      expect(r.statusCode).toBe(401);
      expect(r.json().detail).toBe('email or password is wrong');
    }
    const throttled = await attempt('admin@example.org', PASSWORD);
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(throttled.json()).toMatchObject({ status: 429, retryAfterSeconds: expect.any(Number) });
    // The address is slowed down whatever account it tries next, known or not.
    const unknown = await attempt('nobody@example.org', 'whatever it is');
    expect(unknown.statusCode).toBe(429);
  });

  it('rate limits: headers on every response, then 429 problem+json with Retry-After', async () => {
    const limited = await build({ authMode: 'required', RATE_LIMIT_GUEST: 3, RATE_LIMIT_LOGIN: 2 });
    const get = () => limited.inject({ method: 'GET', url: '/api/v1/stats', remoteAddress: '198.51.100.30' });
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await get();
      expect(r.statusCode).toBe(200);
      expect(r.headers['x-ratelimit-limit']).toBe('3');
      seen.push(String(r.headers['x-ratelimit-remaining']));
    }
    expect(seen).toEqual(['2', '1', '0']);
    const refused = await get();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.json().detail).toMatch(/3 per minute/);
    // Another address has its own budget; a signed-in user has theirs.
    expect(
      (await limited.inject({ method: 'GET', url: '/api/v1/stats', remoteAddress: '198.51.100.31' }))
        .statusCode,
    ).toBe(200);
    // Sign-in has a stricter budget of its own per address.
    const signIn = () =>
      limited.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'nobody@example.org', password: 'x' },
        remoteAddress: '198.51.100.32',
      });
    expect((await signIn()).headers['x-ratelimit-limit']).toBe('2');
    await signIn();
    expect((await signIn()).statusCode).toBe(429);
  });

  it('sends the security headers: CSP without inline script, no framing, nosniff, no referrer', async () => {
    for (const url of ['/', '/api/v1/stats']) {
      const r = await app.inject({ method: 'GET', url, remoteAddress: REMOTE });
      const csp = String(r.headers['content-security-policy']);
      expect(csp, url).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      // Plain HTTP: no HSTS (it would pin nothing and a laptop's localhost must not be pinned).
      expect(r.headers['strict-transport-security']).toBeUndefined();
    }
    // No CORS for an origin that is not configured.
    const cors = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/stats',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      remoteAddress: REMOTE,
    });
    expect(cors.headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await build({ authMode: 'required', CORS_ORIGINS: ['https://app.example.org'] });
    const pre = await allowed.inject({
      method: 'OPTIONS',
      url: '/api/v1/stats',
      headers: {
        origin: 'https://app.example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-songnodes-csrf,authorization',
      },
      remoteAddress: REMOTE,
    });
    expect(pre.headers['access-control-allow-origin']).toBe('https://app.example.org');
    expect(String(pre.headers['access-control-allow-headers'])).toMatch(/x-songnodes-csrf/);
  });
});
