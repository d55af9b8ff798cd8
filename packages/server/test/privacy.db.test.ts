// One user reading another's private import through every door (issue 10): REST (sets, tracks, search,
// exports), GraphQL and the graph. Two signed-in users (Bearer access tokens from POST /auth/login) and
// the local owner; the owner of the set sees it, nobody else does (404, as for a set that does not
// exist) until it is shared, and sharing brings its transitions into the graph.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphStore } from '@songnodes/db';
import { GraphService } from '@songnodes/graph';
import { importFileJob, importItems } from '@songnodes/ingest';
import { JobQueue } from '@songnodes/jobs';
import { exportFileJob, followChanges, LocalEventBus, SYSTEM } from '@songnodes/services';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { testSet } from '../../../test/sets.ts';
import { createApiServices } from '../src/api/services.ts';
import { buildApp } from '../src/app.ts';
import { CSRF } from './local-owner.ts';

const PASSWORD = 'correct horse battery';

describe.skipIf(noServer)('private imports through REST and GraphQL', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let jobs: JobQueue;
  let graph: GraphService;
  const tokens: Record<'a' | 'b', string> = { a: '', b: '' };
  let secretId: number;
  let lanternId: number;

  beforeAll(async () => {
    t = await testDatabase();
    await importItems(t.db, [
      testSet('p1', ['Mira Vale - Tide', 'Ora - Horizon'], { performers: ['Kay Loom'], title: 'Open air' }),
    ]);
    graph = await GraphService.start(graphStore(t.db));
    jobs = await JobQueue.start(t.db, { schedule: false });
    await jobs.work(exportFileJob({ db: t.db }), { pollingIntervalSeconds: 0.5 });
    const bus = new LocalEventBus();
    followChanges(bus, () => Promise.resolve(graph));
    // As the runtime does: job progress reaches WebSocket and GraphQL listeners through the bus.
    jobs.on('progress', (job) => bus.publish({ type: 'job.progress', job }));
    const api = createApiServices({
      db: t.db,
      bus,
      graph,
      jobs,
      exportDir: mkdtempSync(join(tmpdir(), 'songnodes-privacy-exports-')),
      uploadDir: mkdtempSync(join(tmpdir(), 'songnodes-privacy-uploads-')),
    });
    await jobs.work(importFileJob({ db: t.db }), { pollingIntervalSeconds: 0.5 });
    app = await buildApp({ config: { LOG_LEVEL: 'silent' }, db: t.db, jobs, api });
    for (const who of ['a', 'b'] as const) {
      await api.users.create(SYSTEM, { email: `${who}@example.org`, password: PASSWORD });
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login?cookie=false',
        // From loopback without credentials the request is the local owner's: a write needs the header.
        headers: CSRF,
        payload: { email: `${who}@example.org`, password: PASSWORD },
      });
      expect(r.statusCode).toBe(200);
      tokens[who] = r.json().accessToken;
    }
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/sets',
      headers: { authorization: `Bearer ${tokens.a}` },
      payload: {
        title: 'Secret Garden session',
        performers: ['Zed Quill'],
        entries: [
          { raw: 'Mira Vale - Tide' },
          { raw: 'Zed Quill - Hidden Lantern' },
          { raw: 'Ora - Horizon' },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().visibility).toBe('private');
    secretId = created.json().id;
    lanternId = created.json().entries[1].track.id;
    await graph.idle();
  });
  afterAll(async () => {
    await app?.close();
    await jobs?.stop(1000);
    await t?.drop();
  });

  type Message = { type: string; id?: number; cause?: string; trackIds?: number[]; job?: { state: string } };
  /** A WebSocket (/ws unless said) signed in as a user (the server listens from the first call on). */
  const socket = async (who: 'a' | 'b', path = '/ws') => {
    if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, ['songnodes', `access_token.${tokens[who]}`]);
    const got: Message[] = [];
    ws.onmessage = (m) => got.push(JSON.parse(String(m.data)));
    await new Promise((r, j) => {
      ws.onopen = r;
      ws.onerror = j;
    });
    const waitFor = async (pred: (m: Message) => boolean) => {
      for (let i = 0; i < 500 && !got.some(pred); i++) await new Promise((r) => setTimeout(r, 20));
      return got.find(pred);
    };
    return { ws, got, waitFor };
  };

  /** As user a or b (Bearer), or as the local owner (no credentials from loopback, CSRF header). */
  const as = (who: 'a' | 'b' | 'local') =>
    who === 'local' ? { ...CSRF } : { authorization: `Bearer ${tokens[who]}` };
  const get = (who: 'a' | 'b' | 'local', url: string) => app.inject({ method: 'GET', url, headers: as(who) });
  const gql = async (who: 'a' | 'b' | 'local', query: string) =>
    (await app.inject({ method: 'POST', url: '/graphql', headers: as(who), payload: { query } })).json();

  it('REST: the owner sees the set and its track; another user and the local owner get 404 and empty lists', async () => {
    expect((await get('a', `/api/v1/sets/${secretId}`)).statusCode).toBe(200);
    expect((await get('a', `/api/v1/tracks/${lanternId}`)).json().title).toBe('Hidden Lantern');
    expect((await get('a', '/api/v1/search?q=Hidden%20Lantern')).json().tracks[0].id).toBe(lanternId);
    for (const who of ['b', 'local'] as const) {
      const set = await get(who, `/api/v1/sets/${secretId}`);
      expect(set.statusCode).toBe(404);
      expect(set.json().detail).toBe(`no set ${secretId}`);
      expect((await get(who, `/api/v1/tracks/${lanternId}`)).statusCode).toBe(404);
      expect(
        (await get(who, '/api/v1/sets?limit=100')).json().items.map((s: { id: number }) => s.id),
      ).not.toContain(secretId);
      expect((await get(who, '/api/v1/tracks?title=Lantern')).json().items).toEqual([]);
      const found = (await get(who, '/api/v1/search?q=Secret%20Garden%20Hidden%20Lantern')).json();
      expect(found.sets).toEqual([]);
      expect(found.tracks.map((x: { id: number }) => x.id)).not.toContain(lanternId);
      const exported = await app.inject({
        method: 'POST',
        url: '/api/v1/exports',
        headers: as(who),
        payload: { kind: 'set', setId: secretId, format: 'm3u8' },
      });
      expect(exported.statusCode).toBe(404);
      const tracks = await app.inject({
        method: 'POST',
        url: '/api/v1/exports',
        headers: as(who),
        payload: { kind: 'tracks', tracks: [lanternId], format: 'm3u8' },
      });
      expect(tracks.statusCode).toBe(422);
    }
    const sub = (await get('a', '/api/v1/graph/subgraph?nodes=100')).json();
    expect(sub.nodes.map((n: { trackId: number }) => n.trackId)).not.toContain(lanternId);
    expect(sub.edges).toHaveLength(1);
  });

  it('exports: the owner exports the private set; its status and file are nobody else’s', async () => {
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/v1/exports',
      headers: as('a'),
      payload: { kind: 'set', setId: secretId, format: 'm3u8' },
    });
    expect(accepted.statusCode).toBe(202);
    const { jobId } = accepted.json();
    let status = '';
    for (let i = 0; i < 600 && status !== 'completed'; i++) {
      status = (await get('a', `/api/v1/exports/${jobId}`)).json().status;
      if (status === 'failed') throw new Error('the export failed');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe('completed');
    const file = await get('a', `/api/v1/exports/${jobId}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('Hidden Lantern');
    const audit = await t.db.query<{ actor: string; target: string }>(
      `SELECT actor, target FROM audit_log WHERE action = 'export.private'`,
    );
    expect(audit).toEqual([{ actor: 'a@example.org', target: `set:${secretId}` }]);
    for (const who of ['b', 'local'] as const) {
      expect((await get(who, `/api/v1/exports/${jobId}`)).statusCode).toBe(404);
      expect((await get(who, `/api/v1/exports/${jobId}/download`)).statusCode).toBe(404);
    }
  });

  it('GraphQL: the same answers through the same services', async () => {
    const query = `{ set(id: "${secretId}") { id title visibility } search(q: "Hidden Lantern") { tracks { id } } }`;
    const mine = await gql('a', query);
    expect(mine.data.set).toEqual({
      id: String(secretId),
      title: 'Secret Garden session',
      visibility: 'private',
    });
    const share = await gql('b', `mutation { shareSet(id: "${secretId}") { id } }`);
    expect(share.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const theirs = await gql('b', `{ set(id: "${secretId}") { id } }`);
    expect(theirs.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await gql('b', `{ search(q: "Hidden Lantern") { tracks { id } } }`)).data.search.tracks).toEqual(
      [],
    );
    const track = await gql('b', `{ track(id: "${lanternId}") { id } }`);
    expect(track.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    // Nested fields read through the request's batched loads, for the same viewer.
    const tide = (await get('b', '/api/v1/search?q=Mira%20Vale%20Tide')).json().tracks[0].id;
    const nested = `{ track(id: "${tide}") { plays sets { title } } }`;
    expect((await gql('b', nested)).data.track).toEqual({ plays: 1, sets: [{ title: 'Open air' }] });
    const own = (await gql('a', nested)).data.track;
    expect(own.plays).toBe(2);
    expect(own.sets.map((x: { title: string }) => x.title).sort()).toEqual([
      'Open air',
      'Secret Garden session',
    ]);
  });

  it('sharing: only the owner, then everyone sees it and the graph has its transitions', async () => {
    const patch = (who: 'a' | 'b', visibility: string) =>
      app.inject({
        method: 'PATCH',
        url: `/api/v1/sets/${secretId}`,
        headers: as(who),
        payload: { visibility },
      });
    expect((await patch('b', 'public')).statusCode).toBe(404);
    const shared = await patch('a', 'public');
    expect(shared.statusCode).toBe(200);
    expect(shared.json().visibility).toBe('public');
    expect((await patch('a', 'private')).statusCode).toBe(409);
    const audit = await t.db.query<{ actor: string; target: string; request_id: string | null }>(
      `SELECT actor, target, request_id FROM audit_log WHERE action = 'set.share'`,
    );
    expect(audit).toEqual([
      { actor: 'a@example.org', target: `set:${secretId}`, request_id: expect.any(String) },
    ]);
    expect((await get('b', `/api/v1/sets/${secretId}`)).statusCode).toBe(200);
    expect((await get('local', `/api/v1/tracks/${lanternId}`)).json().plays).toBe(1);
    await graph.idle();
    const tide = (await get('b', '/api/v1/search?q=Mira%20Vale%20Tide')).json().tracks[0].id;
    const ev = await get('b', `/api/v1/transitions?from=${tide}&to=${lanternId}`);
    expect(ev.json()).toMatchObject({ count: 1, sets: 1, djs: 1 });
    const sub = (await get('b', '/api/v1/graph/subgraph?nodes=100')).json();
    expect(sub.nodes.map((n: { trackId: number }) => n.trackId)).toContain(lanternId);
    expect(sub.edges).toHaveLength(3);
  });
  it('WebSocket: a private import announces nothing on the graph room; sharing it announces its tracks', async () => {
    const { ws, got, waitFor } = await socket('b');
    try {
      ws.send(JSON.stringify({ v: 1, id: 1, type: 'subscribe', room: 'graph' }));
      expect(await waitFor((m) => m.type === 'ack' && m.id === 1)).toBeDefined();
      const post = await app.inject({
        method: 'POST',
        url: '/api/v1/sets',
        headers: as('a'),
        payload: {
          title: 'Night notes',
          entries: [{ raw: 'Ora - Horizon' }, { raw: 'Zed Quill - Paper Moon' }],
        },
      });
      expect(post.statusCode).toBe(201);
      const moon: number = post.json().entries[1].track.id;
      // The private import is stored; a public one of the same size announces itself well within this.
      await new Promise((r) => setTimeout(r, 300));
      expect(got.filter((m) => m.type === 'graph.changed')).toEqual([]);
      const share = await app.inject({
        method: 'PATCH',
        url: `/api/v1/sets/${post.json().id}`,
        headers: as('a'),
        payload: { visibility: 'public' },
      });
      expect(share.statusCode).toBe(200);
      const changed = await waitFor((m) => m.type === 'graph.changed');
      expect(changed).toMatchObject({ cause: 'share by user' });
      expect(changed?.trackIds).toContain(moon);
    } finally {
      ws.close();
    }
  });

  it('uploads: a user’s file is imported private, and its job is theirs alone', async () => {
    const up = await app.inject({
      method: 'POST',
      url: '/api/v1/imports?filename=history.txt&source=upload',
      headers: { ...as('a'), 'content-type': 'text/plain' },
      payload: '01. Nova Reed - Glass Harbor\n02. Ora - Horizon\n',
    });
    expect(up.statusCode).toBe(202);
    const { jobId } = up.json();
    // Both follow the job on the WebSocket (B having somehow learnt its id): only its owner hears of it.
    const [mine, theirs] = [await socket('a'), await socket('b')];
    for (const c of [mine, theirs]) {
      c.ws.send(JSON.stringify({ v: 1, id: 7, type: 'subscribe', room: `import:${jobId}` }));
      expect(await c.waitFor((m) => m.type === 'ack' && m.id === 7)).toBeDefined();
    }
    // The simple feed too: B listening to every event, and to this job, hears nothing of it.
    const [myFeed, theirFeed, theirJobFeed] = [
      await socket('a', '/api/v1/events'),
      await socket('b', '/api/v1/events'),
      await socket('b', `/api/v1/events?job=${jobId}`),
    ];
    let state = '';
    for (let i = 0; i < 600 && state !== 'completed'; i++) {
      const j = (await get('a', `/api/v1/jobs/${jobId}`)).json();
      state = j.state;
      if (state === 'failed') throw new Error(`the import failed: ${j.progress.message}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(state).toBe('completed');
    const uploaded = (await get('a', '/api/v1/sets?source=upload')).json().items;
    expect(uploaded.map((x: { visibility: string }) => x.visibility)).toEqual(['private']);
    for (const who of ['b', 'local'] as const) {
      expect((await get(who, '/api/v1/sets?source=upload')).json().items).toEqual([]);
      expect((await get(who, `/api/v1/jobs/${jobId}`)).statusCode).toBe(404);
      const listed = (await get(who, '/api/v1/jobs?limit=100')).json().items;
      expect(listed.map((j: { jobId: string }) => j.jobId)).not.toContain(jobId);
    }
    const listed = (await get('a', '/api/v1/jobs?limit=100')).json().items;
    expect(listed.map((j: { jobId: string }) => j.jobId)).toContain(jobId);
    expect(
      await mine.waitFor((m) => m.type === 'job.progress' && m.job?.state === 'completed'),
    ).toBeDefined();
    expect(theirs.got.filter((m) => m.type === 'job.progress')).toEqual([]);
    expect(
      await myFeed.waitFor((m) => m.type === 'job.progress' && m.job?.state === 'completed'),
    ).toBeDefined();
    expect(theirFeed.got.filter((m) => m.type === 'job.progress')).toEqual([]);
    expect(theirJobFeed.got).toEqual([]);
    for (const c of [mine, theirs, myFeed, theirFeed, theirJobFeed]) c.ws.close();
  });
});
