// The graph routes through app.inject on a small imported graph: neighbours, played-after with
// evidence, the planner with explanations, 400 on bad input, 404 on unknown tracks, 409 on an
// ambiguous name, and the communities job from enqueue to stored result.
import { graphStore } from '@songnodes/db';
import { GraphService } from '@songnodes/graph';
import { importItems } from '@songnodes/ingest';
import { JobQueue } from '@songnodes/jobs';
import { LocalEventBus } from '@songnodes/services';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { testSet } from '../../../test/sets.ts';
import { createApiServices } from '../src/api/services.ts';
import { buildApp } from '../src/app.ts';
import { graphJobs } from '../src/graph-jobs.ts';
import { asLocalOwner } from './local-owner.ts';

// Known BPM and key on every entry, so the planner has something to check.
const set = (externalId: string, raws: string[], performer: string) =>
  testSet(externalId, raws, { performers: [performer], entry: (_raw, i) => ({ bpm: 124 + i, key: '8A' }) });

describe.skipIf(noServer)('graph routes', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let jobs: JobQueue;
  let graph: GraphService;
  beforeAll(async () => {
    t = await testDatabase();
    await importItems(t.db, [
      set('a', ['Kay Loom - Sundial', 'Mira Vale - Tide', 'Ora - Horizon'], 'DJ One'),
      set('b', ['Kay Loom - Sundial', 'Mira Vale - Tide', 'Pell - Rain (Nox Remix)'], 'DJ Two'),
      set('c', ['Ora - Horizon', 'Pell - Rain (Vey Remix)'], 'DJ Two'),
    ]);
    graph = await GraphService.start(graphStore(t.db));
    jobs = await JobQueue.start(t.db);
    await jobs.work(graphJobs({ graph: async () => graph }).communities);
    const api = createApiServices({ db: t.db, bus: new LocalEventBus(), graph, jobs });
    app = asLocalOwner(await buildApp({ config: { LOG_LEVEL: 'silent' }, db: t.db, jobs, api }));
  });
  afterAll(async () => {
    await app.close();
    await jobs.stop(2000);
    await t.drop();
  });

  const get = (url: string) => app.inject({ method: 'GET', url });
  const idOf = async (name: string) => {
    const r = await graph.resolveTrack(name);
    if (r.status !== 'found') throw new Error(r.message);
    return r.track.trackId;
  };

  it('lists neighbours of a track named by id or by "Artist - Title"', async () => {
    const byId = await get(`/api/v1/tracks/${await idOf('Kay Loom - Sundial')}/neighbours?direction=out`);
    expect(byId.statusCode).toBe(200);
    const body = byId.json();
    expect(body.edges).toHaveLength(1);
    expect(body.edges[0]).toMatchObject({ count: 2, djs: 2 });
    expect(body.tracks[body.edges[0].to].title).toBe('Tide');
    const byName = await get(
      `/api/v1/tracks/${encodeURIComponent('Kay Loom - Sundial')}/neighbours?direction=out`,
    );
    expect(byName.json().edges).toEqual(body.edges);
  });

  it('lists what was played after a track with the sets as evidence', async () => {
    const r = await get(`/api/v1/tracks/${await idOf('Mira Vale - Tide')}/played-after?evidence=1`);
    expect(r.statusCode).toBe(200);
    const { transitions, tracks } = r.json();
    expect(transitions.map((x: { to: number }) => tracks[x.to].title).sort()).toEqual(['Horizon', 'Rain']);
    expect(transitions[0].evidenceSets).toHaveLength(1);
    expect(transitions[0].evidenceSets[0]).toMatchObject({ source: 'test', date: '2024-05-01' });
  });

  it('plans a set and explains each step', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/plan',
      payload: { from: 'Kay Loom - Sundial', to: 'Ora - Horizon', length: 3, harmonic: 'same' },
    });
    expect(r.statusCode).toBe(200);
    const plan = r.json();
    const best = plan.sets[0];
    expect(best.tracks.map((id: number) => plan.tracks[id].title)).toEqual(['Sundial', 'Tide', 'Horizon']);
    expect(best.steps[0].text).toMatch(/^observed 2× by 2 DJs/);
    expect(plan.evidence[`${best.steps[0].from}>${best.steps[0].to}`]).toHaveLength(2);
  });

  it.each([
    ['/api/v1/tracks/1/neighbours?hops=9', 400, 'hops', /query parameter hops must be <= 3/],
    ['/api/v1/tracks/1/neighbours?direction=up', 400, 'direction', /query parameter direction must be/],
    ['/api/v1/tracks/1/neighbours?keys=13C', 422, 'keys', /not a musical key: "13C"/],
    ['/api/v1/graph/subgraph?keys=13C', 422, 'keys', /not a musical key: "13C"/],
    ['/api/v1/graph/rankings/most-played?keys=13C', 422, 'keys', /not a musical key: "13C"/],
    ['/api/v1/graph/rankings/loudest', 400, 'kind', /path parameter kind must be/],
    ['/api/v1/graph/subgraph?nodes=0', 400, 'nodes', /query parameter nodes must be >= 1/],
  ])('a problem naming the parameter: %s', async (url, status, field, detail) => {
    const r = await get(url);
    expect(r.statusCode).toBe(status);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.json()).toMatchObject({ status, field });
    expect(r.json().detail).toMatch(detail);
  });

  it('422 for a plan without a length, 404 for unknown tracks, 409 for an ambiguous name', async () => {
    const noLength = await app.inject({ method: 'POST', url: '/api/v1/plan', payload: { from: 1, to: 2 } });
    expect(noLength.statusCode).toBe(422);
    expect(noLength.json().detail).toMatch(/length in tracks/);
    expect((await get('/api/v1/tracks/987654/neighbours')).statusCode).toBe(404);
    const unknown = await get(`/api/v1/tracks/${encodeURIComponent('Nobody - Nothing')}/next`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toBe('no track matches "Nobody - Nothing"');
    const ambiguous = await get(`/api/v1/tracks/${encodeURIComponent('Pell - Rain')}/played-before`);
    expect(ambiguous.statusCode).toBe(409);
    expect(ambiguous.json().candidates.map((c: { version: string }) => c.version)).toEqual([
      'Nox Remix',
      'Vey Remix',
    ]);
  });

  it('says where a plan that cannot be built breaks, naming the tracks as a DJ knows them', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/plan',
      payload: { from: 'Ora - Horizon', to: 'Kay Loom - Sundial', length: 3, allowBridges: false },
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.sets).toEqual([]);
    expect(body.blocked.message).toMatch(/Ora – Horizon/);
    expect(body.blocked.message).toMatch(/Kay Loom – Sundial/);
    expect(body.blocked.message).not.toMatch(/track \d+/);
  });

  it('runs the communities job and serves its result', async () => {
    // Not computed yet: 503 (not ready), not 404 (the route exists) or 409.
    expect((await get('/api/v1/graph/communities')).statusCode).toBe(503);
    expect((await get('/api/v1/graph/rankings/bridges')).statusCode).toBe(503);
    const queued = await app.inject({
      method: 'POST',
      url: '/api/v1/graph/communities',
      payload: { seed: 3 },
    });
    expect(queued.statusCode).toBe(202);
    const { jobId } = queued.json();
    let state = '';
    for (let i = 0; i < 300 && state !== 'completed' && state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = (await get(`/api/v1/jobs/${jobId}`)).json().state;
    }
    expect(state).toBe('completed');
    const c = (await get('/api/v1/graph/communities?members=true')).json();
    expect(c.communities.reduce((n: number, x: { size: number }) => n + x.size, 0)).toBe(5);
    expect(c.trackIds).toHaveLength(5);
    expect((await get('/api/v1/graph/rankings/bridges')).statusCode).toBe(200);
    expect((await get('/api/v1/jobs/no-such-job')).statusCode).toBe(404);
  });
});
