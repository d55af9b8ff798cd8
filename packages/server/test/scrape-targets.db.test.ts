// Target tracks through REST, against the local fixture sites: two signed-in users and the local owner
// each keep their own list (another user's target is 404, a track private to another user cannot be
// picked), a guest has none, bad input names its field, and "search now" runs target tasks whose
// findings (sets found and added, linked to the stored sets) come back on the list.
import { graphStore } from '@songnodes/db';
import { GraphService } from '@songnodes/graph';
import { JobQueue } from '@songnodes/jobs';
import { createOrchestrator, createScrapeRuntime, registerScrapeWorkers } from '@songnodes/scrapers';
import { LocalEventBus, SYSTEM } from '@songnodes/services';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { type Sites, startSites } from '../../scrapers/test/sites.ts';
import { createApiServices } from '../src/api/services.ts';
import { buildApp } from '../src/app.ts';
import { CSRF } from './local-owner.ts';

const PASSWORD = 'correct horse battery';
const REMOTE = '203.0.113.7';

describe.skipIf(noServer)(`target tracks through the API (${engine})`, () => {
  let t: TestDatabase;
  let sites: Sites;
  let jobs: JobQueue;
  let graph: GraphService;
  let rt: ReturnType<typeof createScrapeRuntime>;
  let app: FastifyInstance;
  const tokens: Record<'a' | 'b', string> = { a: '', b: '' };

  beforeAll(async () => {
    t = await testDatabase();
    sites = await startSites();
    const settings = sites.settings();
    rt = createScrapeRuntime(t.db, settings, { metrics: false });
    jobs = await JobQueue.start(t.db, { schedule: false });
    graph = await GraphService.start(graphStore(t.db));
    const scrapes = createOrchestrator(jobs, rt, settings);
    await registerScrapeWorkers(jobs, rt);
    const api = createApiServices({ db: t.db, bus: new LocalEventBus(), graph, jobs, scrapes });
    app = await buildApp({ config: { LOG_LEVEL: 'silent' }, db: t.db, jobs, api });
    for (const who of ['a', 'b'] as const) {
      await api.users.create(SYSTEM, { email: `${who}@example.org`, password: PASSWORD });
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login?cookie=false',
        remoteAddress: REMOTE,
        payload: { email: `${who}@example.org`, password: PASSWORD },
      });
      expect(r.statusCode, r.body).toBe(200);
      tokens[who] = r.json().accessToken;
    }
  });
  afterAll(async () => {
    await app?.close();
    await jobs?.stop(2000);
    await rt?.close();
    await sites?.close();
    await t?.drop();
  });

  /** A request as user a or b (Bearer token from afar), the local owner (loopback), or a guest (afar). */
  const call = async (who: 'a' | 'b' | 'local' | 'guest', o: InjectOptions) => {
    const r = await app.inject({
      ...o,
      url: `/api/v1${o.url}`,
      ...(who === 'local' ? { headers: { ...CSRF, ...o.headers } } : { remoteAddress: REMOTE }),
      ...(who === 'a' || who === 'b' ? { headers: { authorization: `Bearer ${tokens[who]}` } } : {}),
    });
    // biome-ignore lint/suspicious/noExplicitAny: the test reads several shapes of answer
    return { status: r.statusCode, body: (r.body ? r.json() : null) as any };
  };

  it("keeps each user's own list; another's target is not found; bad input names its field", async () => {
    const added = await call('a', {
      method: 'POST',
      url: '/scrapes/targets',
      payload: { artist: 'Sable Reed', title: 'Lantern' },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({
      duplicate: false,
      target: { artist: 'Sable Reed', lastResult: null },
    });
    const again = await call('a', {
      method: 'POST',
      url: '/scrapes/targets',
      payload: { artist: 'SABLE REED', title: 'lantern' },
    });
    expect(again.body).toMatchObject({ duplicate: true, target: { id: added.body.target.id } });
    const id = added.body.target.id;
    expect((await call('b', { method: 'GET', url: '/scrapes/targets' })).body.items).toEqual([]);
    expect((await call('local', { method: 'GET', url: '/scrapes/targets' })).body.items).toEqual([]);
    expect((await call('b', { method: 'DELETE', url: `/scrapes/targets/${id}` })).status).toBe(404);
    const bSearch = await call('b', {
      method: 'POST',
      url: '/scrapes/targets/search',
      payload: { ids: [id] },
    });
    expect(bSearch.status).toBe(404);
    expect(bSearch.body.field).toBe('ids');
    // A guest has no list.
    expect((await call('guest', { method: 'GET', url: '/scrapes/targets' })).status).toBe(401);
    const empty = await call('a', {
      method: 'POST',
      url: '/scrapes/targets',
      payload: { artist: 'Sable Reed' },
    });
    expect(empty.status).toBe(422);
    expect(empty.body.field).toBe('title');
    const noTrack = await call('a', {
      method: 'POST',
      url: '/scrapes/targets',
      payload: { trackId: 999999 },
    });
    expect(noTrack.status).toBe(404);
    expect(noTrack.body.field).toBe('trackId');
  });

  it('picks a target from a track of the graph, but not from a track private to another user', async () => {
    const made = await call('b', {
      method: 'POST',
      url: '/sets',
      payload: {
        title: 'B only',
        performers: ['Zed Quill'],
        entries: [{ raw: 'Zed Quill - Hidden Lantern' }],
      },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const privateTrack = made.body.entries[0].track.id;
    const refused = await call('a', {
      method: 'POST',
      url: '/scrapes/targets',
      payload: { trackId: privateTrack },
    });
    expect(refused.status).toBe(404);
    const own = await call('b', {
      method: 'POST',
      url: '/scrapes/targets',
      payload: { trackId: privateTrack },
    });
    expect(own.status).toBe(201);
    expect(own.body.target).toMatchObject({
      trackId: privateTrack,
      artist: 'Zed Quill',
      title: 'Hidden Lantern',
    });
    expect(
      (await call('b', { method: 'DELETE', url: `/scrapes/targets/${own.body.target.id}` })).status,
    ).toBe(204);
    expect((await call('b', { method: 'GET', url: '/scrapes/targets' })).body.items).toEqual([]);
  });

  it('searches now and reports per target what was found and added to the graph', async () => {
    const local = await call('local', {
      method: 'POST',
      url: '/scrapes/targets',
      payload: { artist: 'Sable Reed', title: 'Lantern' },
    });
    expect(local.status).toBe(201);
    const a = await call('a', { method: 'POST', url: '/scrapes/targets/search', payload: {} });
    expect(a.status, JSON.stringify(a.body)).toBe(202);
    expect(a.body.items).toHaveLength(1);
    expect(a.body.items[0]).toMatchObject({ duplicate: false, task: { kind: 'target' } });
    // The local owner lists the same track: its search shares the open task (or, if that one has
    // already ended, runs its own).
    const l = await call('local', { method: 'POST', url: '/scrapes/targets/search', payload: {} });
    expect(l.status).toBe(202);
    let listed: { lastResult: Record<string, unknown> | null; task: { id: number } }[] = [];
    for (let i = 0; i < 300; i++) {
      listed = (await call('a', { method: 'GET', url: '/scrapes/targets' })).body.items;
      if (listed[0]?.lastResult) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(listed[0]!.task.id).toBe(a.body.items[0].task.id);
    expect(listed[0]!.lastResult).toMatchObject({ state: 'completed', found: 4, added: 4, unchanged: 0 });
    const sets = listed[0]!.lastResult!.sets as { setId: number | null }[];
    for (const s of sets) {
      const set = await call('a', { method: 'GET', url: `/sets/${s.setId}` });
      expect(set.status).toBe(200);
    }
  });
});
