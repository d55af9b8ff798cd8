// Two API processes sharing one budget through a real redis-server (started by the test on a free
// port, with a password given as REDIS_PASSWORD): requests to either spend the same per-address
// rate limit, and sign-in failures at one slow down the other. On PostgreSQL the two are `api` roles
// on one database; on the embedded database each has its own (the budget lives in Redis either way).
// A Redis that refuses the password stops start-up, saying so without the password.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { redisBinary, startRedis, type TestRedis } from '../../../test/redis-server.ts';
import { loadConfig, type Running, runRole } from '../src/index.ts';

const REDIS_PASSWORD = 'redis-test-password-7f3a9c';
const SECRET = 'shared-jwt-key-for-both-processes-0123456789';

describe.skipIf(!redisBinary || noServer)(`two API processes share one budget in Redis (${engine})`, () => {
  let redis: TestRedis;
  let t: TestDatabase | undefined;
  const dirs: string[] = [];
  const running: Running[] = [];
  const env = (dir: string, extra: Record<string, string> = {}) => ({
    PORT: '0',
    LOG_LEVEL: 'silent',
    SONGNODES_DATA_DIR: dir,
    SONGNODES_DEMO: 'false',
    SONGNODES_AUTH: 'required',
    SONGNODES_JWT_SECRET: SECRET,
    REDIS_URL: redis.url.replace(/\/\/[^@]*@/, '//'),
    REDIS_PASSWORD,
    RATE_LIMIT_GUEST: '6',
    RATE_LIMIT_LOGIN: '100',
    ...(t ? { DATABASE_URL: t.url as string } : {}),
    ...extra,
  });
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'songnodes-redis-'));
    dirs.push(d);
    return d;
  };

  const role = engine === 'postgres' ? 'api' : 'start';

  beforeAll(async () => {
    redis = await startRedis({ password: REDIS_PASSWORD });
    t = engine === 'postgres' ? await testDatabase() : undefined;
    for (let i = 0; i < 2; i++) running.push(await runRole(role, loadConfig(env(dir()))));
  });
  afterAll(async () => {
    for (const r of running) await r.stop().catch(() => {});
    await redis?.stop();
    await t?.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('requests to either process spend one per-address budget', async () => {
    const [a, b] = running as [Running, Running];
    const remaining: string[] = [];
    for (const r of [a, b, a, b, a, b]) {
      const res = await fetch(`${r.url}/api/v1/stats`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBe('6');
      remaining.push(res.headers.get('x-ratelimit-remaining') ?? '');
    }
    expect(remaining).toEqual(['5', '4', '3', '2', '1', '0']);
    for (const r of [a, b]) {
      const refused = await fetch(`${r.url}/api/v1/stats`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });

  it('sign-in failures at one process slow down the other', async () => {
    const [a, b] = running as [Running, Running];
    const attempt = (r: Running) =>
      fetch(`${r.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'someone@example.org', password: 'not the password' }),
      });
    for (const r of [a, b, a, b, a]) expect((await attempt(r)).status).toBe(401);
    const throttled = await attempt(b);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('a Redis that refuses the password stops start-up, naming REDIS_URL but not the password', async () => {
    const wrong = 'wrong-redis-password-51be';
    const start = runRole(role, loadConfig(env(dir(), { REDIS_PASSWORD: wrong })));
    const error = await start.then(
      async (r) => {
        await r.stop();
        return null;
      },
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/REDIS_URL=redis:\/\/127\.0\.0\.1:\d+.*cannot use it/);
    expect(error?.message).not.toContain(wrong);
    expect(error?.message).not.toContain(REDIS_PASSWORD);
  });
});
