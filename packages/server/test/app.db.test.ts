import type { ParsedSet } from '@songnodes/core';
import { migrate, openPostgres } from '@songnodes/db';
import { importItems } from '@songnodes/ingest';
import { JobQueue } from '@songnodes/jobs';
import { LocalEventBus } from '@songnodes/services';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { testSet } from '../../../test/sets.ts';
import { buildApp, createApiServices } from '../src/index.ts';

const set = (externalId: string, lines: string[]): ParsedSet =>
  testSet(externalId, lines, { title: undefined, date: undefined });

describe.skipIf(noServer)('HTTP app', () => {
  let t: TestDatabase;
  let jobs: JobQueue;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await testDatabase();
    await importItems(t.db, [set('a', ['Kay Loom - Sundial', 'Mira Vale - Tide', 'ID - ID', 'Ora - Drift'])]);
    jobs = await JobQueue.start(t.db, { schedule: false });
    const api = createApiServices({ db: t.db, bus: new LocalEventBus(), jobs });
    app = await buildApp({ config: { LOG_LEVEL: 'silent' }, db: t.db, jobs, api });
  });
  afterAll(async () => {
    await app.close();
    await jobs.stop(1000);
    await t.drop();
  });

  it('answers liveness', async () => {
    const r = await app.inject('/health/live');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'live' });
  });

  it('is ready when the database answers, its schema is current and jobs run', async () => {
    const r = await app.inject('/health/ready');
    expect(r.statusCode).toBe(200);
    expect(r.json().checks.map((c: { name: string; ok: boolean }) => [c.name, c.ok])).toEqual([
      ['database', true],
      ['migrations', true],
      ['jobs', true],
    ]);
  });

  it('counts what the graph holds', async () => {
    const r = await app.inject('/api/v1/stats');
    expect(r.json()).toEqual({ tracks: 3, artists: 4, sets: 1, setEntries: 4, transitions: 1 });
  });

  it('tags every response with a request id, keeping one the caller sent', async () => {
    const mine = await app.inject({ url: '/health/live', headers: { 'x-request-id': 'trace-123' } });
    expect(mine.headers['x-request-id']).toBe('trace-123');
    const generated = await app.inject('/health/live');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exposes Prometheus metrics by route, jobs and database pool', async () => {
    await app.inject('/api/v1/stats');
    const r = await app.inject('/metrics');
    expect(r.headers['content-type']).toMatch(/text\/plain/);
    expect(r.body).toMatch(
      /songnodes_http_requests_total\{method="GET",route="\/api\/v1\/stats",status="200"\} \d+/,
    );
    expect(r.body).toMatch(
      /songnodes_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/v1\/stats"\}/,
    );
    expect(r.body).toContain('songnodes_db_pool_connections{state="total"}');
    expect(r.body).toContain('songnodes_process_resident_memory_bytes');
    expect(r.body).toContain('# TYPE songnodes_jobs_total counter');
  });

  it('serves the web app at / and for client routes, JSON 404 for unknown API paths', async () => {
    const home = await app.inject('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<div id="root">');
    expect((await app.inject('/tracks/12')).body).toContain('<div id="root">');
    // Assets go compressed to browsers that accept it (written beside them by the build).
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(home.body)![1]!;
    const br = await app.inject({ url: script, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    const plain = await app.inject({ url: script });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(br.headers['content-length'])).toBeLessThan(Number(plain.headers['content-length']) / 2);
    const missing = await app.inject('/api/v1/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.json()).toMatchObject({ status: 404, detail: 'no route GET /api/v1/nothing-here' });
  });

  it('reports a database that stopped answering as not ready, naming the check', async () => {
    const broken = await testDatabase();
    const brokenApp = await buildApp({ config: { LOG_LEVEL: 'silent' }, db: broken.db });
    await broken.drop();
    const r = await brokenApp.inject('/health/ready');
    expect(r.statusCode).toBe(503);
    expect(r.json()).toMatchObject({ status: 'not_ready', checks: [{ name: 'database', ok: false }] });
    await brokenApp.close();
  });

  it.runIf(engine === 'postgres')('recovers readiness when the database comes back', async () => {
    const gone = await testDatabase();
    const url = gone.url!;
    const name = new URL(url).pathname.slice(1);
    const admin = await openPostgres({ url: url.replace(/\/[^/]*$/, '/postgres'), max: 1 });
    const db = await openPostgres({ url, max: 2, connectionTimeoutMillis: 1000 });
    const watched = await buildApp({ config: { LOG_LEVEL: 'silent' }, db });
    try {
      expect((await watched.inject('/health/ready')).statusCode).toBe(200);
      await admin.exec(`DROP DATABASE ${name} WITH (FORCE)`);
      const down = await watched.inject('/health/ready');
      expect(down.statusCode).toBe(503);
      expect(down.json().checks[0]).toMatchObject({ name: 'database', ok: false });
      // The database comes back (restored, migrated): the same process is ready again.
      await admin.exec(`CREATE DATABASE ${name}`);
      const restored = await openPostgres({ url, max: 1 });
      await migrate(restored);
      await restored.close();
      let status = 0;
      for (let i = 0; i < 20 && status !== 200; i++)
        status = (await watched.inject('/health/ready')).statusCode;
      expect(status).toBe(200);
    } finally {
      await watched.close();
      await db.close();
      await admin.close();
      await gone.drop();
    }
  });
});
