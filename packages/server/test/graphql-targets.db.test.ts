// Target tracks through GraphQL (targets, addTarget, removeTarget, searchTargets), the same
// ScrapeService as /api/v1/scrapes/targets, against the local fixture sites: each signed-in user and
// the local owner keep their own list, a guest (or a user whose role may not import) is refused
// before anything runs, bad arguments name the argument, a search's findings come back on the list
// linked to the stored sets, and a query asking for too much is priced and refused.
import { graphStore } from '@songnodes/db';
import { GraphService } from '@songnodes/graph';
import { importItems } from '@songnodes/ingest';
import { JobQueue } from '@songnodes/jobs';
import { createOrchestrator, createScrapeRuntime, registerScrapeWorkers } from '@songnodes/scrapers';
import { LocalEventBus, SYSTEM } from '@songnodes/services';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { testSet } from '../../../test/sets.ts';
import { type Sites, startSites } from '../../scrapers/test/sites.ts';
import { createApiServices } from '../src/api/services.ts';
import { buildApp } from '../src/app.ts';
import { CSRF } from './local-owner.ts';

const PASSWORD = 'correct horse battery';
const REMOTE = '203.0.113.7';
type Who = 'a' | 'b' | 'reader' | 'local' | 'guest';

interface GqlError {
  message: string;
  extensions?: { code?: string; field?: string };
}

describe.skipIf(noServer)(`target tracks through GraphQL (${engine})`, () => {
  let t: TestDatabase;
  let sites: Sites;
  let jobs: JobQueue;
  let graph: GraphService;
  let rt: ReturnType<typeof createScrapeRuntime>;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};
  let lanternId: string;

  beforeAll(async () => {
    t = await testDatabase();
    await importItems(t.db, [testSet('a', ['Sable Reed - Lantern', 'Kay Loom - Sundial'])]);
    const [row] = await t.db.query<{ id: number }>(`SELECT id FROM tracks WHERE title = 'Lantern'`);
    lanternId = String(row!.id);
    sites = await startSites();
    const settings = sites.settings();
    rt = createScrapeRuntime(t.db, settings, { metrics: false });
    jobs = await JobQueue.start(t.db, { schedule: false });
    graph = await GraphService.start(graphStore(t.db));
    const scrapes = createOrchestrator(jobs, rt, settings);
    await registerScrapeWorkers(jobs, rt);
    const api = createApiServices({ db: t.db, bus: new LocalEventBus(), graph, jobs, scrapes });
    app = await buildApp({ config: { LOG_LEVEL: 'silent' }, db: t.db, jobs, api });
    for (const [who, role] of [
      ['a', 'user'],
      ['b', 'user'],
      ['reader', 'guest'],
    ] as const) {
      await api.users.create(SYSTEM, { email: `${who}@example.org`, password: PASSWORD, role });
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

  /** A GraphQL request as a user (Bearer token from afar), the local owner (loopback) or a guest. */
  const gql = async (who: Who, query: string, variables?: Record<string, unknown>) => {
    const r = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query, variables },
      ...(who === 'local'
        ? { headers: CSRF }
        : {
            remoteAddress: REMOTE,
            ...(who === 'guest' ? {} : { headers: { authorization: `Bearer ${tokens[who]}` } }),
          }),
    });
    const body = r.json();
    // biome-ignore lint/suspicious/noExplicitAny: parsed JSON, read by the assertions
    return { status: r.statusCode, data: body.data as any, errors: body.errors as GqlError[] | undefined };
  };
  const ok = async (who: Who, query: string, variables?: Record<string, unknown>) => {
    const r = await gql(who, query, variables);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };
  const refused = async (who: Who, query: string, variables?: Record<string, unknown>) => {
    const r = await gql(who, query, variables);
    expect(r.errors, JSON.stringify(r.data)).toHaveLength(1);
    return { status: r.status, ...r.errors![0]!.extensions, message: r.errors![0]!.message };
  };

  const ADD = `mutation($trackId: ID, $artist: String, $title: String) {
    addTarget(trackId: $trackId, artist: $artist, title: $title) {
      duplicate target { id artist title track { id title } task { id } lastResult { found } }
    } }`;
  const LIST = '{ targets { id artist title } }';

  it("keeps each user's own list: by track or by name, a duplicate said so, another's target not found", async () => {
    const byTrack = await ok('a', ADD, { trackId: lanternId });
    expect(byTrack.addTarget).toMatchObject({
      duplicate: false,
      target: {
        artist: 'Sable Reed',
        title: 'Lantern',
        track: { id: lanternId, title: 'Lantern' },
        task: null,
        lastResult: null,
      },
    });
    const id = byTrack.addTarget.target.id;
    const again = await ok('a', ADD, { artist: 'SABLE REED', title: ' lantern' });
    expect(again.addTarget).toMatchObject({ duplicate: true, target: { id } });
    const byName = await ok('a', ADD, { artist: 'Kay Loom', title: 'Sundial' });
    expect(byName.addTarget).toMatchObject({ duplicate: false, target: { track: null } });
    // Newest first; `first` keeps the newest.
    expect((await ok('a', LIST)).targets.map((x: { title: string }) => x.title)).toEqual([
      'Sundial',
      'Lantern',
    ]);
    expect((await ok('a', '{ targets(first: 1) { title } }')).targets).toEqual([{ title: 'Sundial' }]);

    // Another user and the local owner have lists of their own and cannot reach a's.
    expect((await ok('b', LIST)).targets).toEqual([]);
    expect((await ok('local', LIST)).targets).toEqual([]);
    const notTheirs = await refused('b', 'mutation($id: ID!) { removeTarget(id: $id) }', { id });
    expect(notTheirs).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const notTheirsSearch = await refused(
      'b',
      'mutation($ids: [ID!]) { searchTargets(ids: $ids) { targetId } }',
      {
        ids: [id],
      },
    );
    expect(notTheirsSearch).toMatchObject({ code: 'NOT_FOUND', field: 'ids' });

    const removed = await ok('a', 'mutation($id: ID!) { removeTarget(id: $id) }', {
      id: byName.addTarget.target.id,
    });
    expect(removed.removeTarget).toBe(true);
    expect((await ok('a', LIST)).targets).toEqual([{ id, artist: 'Sable Reed', title: 'Lantern' }]);
  });

  it('refuses guests and roles without the import permission before anything runs', async () => {
    const guest = await refused('guest', LIST);
    expect(guest).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    const reader = await refused('reader', ADD, { artist: 'X', title: 'Y' });
    expect(reader).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(reader.message).toContain('import');
    const { count } = (
      await t.db.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM scrape_targets WHERE artist = 'X'`,
      )
    )[0]!;
    expect(count).toBe(0);
  });

  it('names the argument at fault', async () => {
    expect(await refused('a', ADD, { artist: 'Sable Reed' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'title',
    });
    expect(await refused('a', ADD, { trackId: 'abc' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'trackId',
    });
    expect(await refused('a', ADD, { trackId: '999999' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'trackId',
    });
    expect(await refused('a', ADD, { artist: 'A', title: 'x'.repeat(301) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'title',
    });
    const SEARCH = 'mutation($ids: [ID!]) { searchTargets(ids: $ids) { targetId } }';
    expect(await refused('a', SEARCH, { ids: [] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    expect(await refused('a', SEARCH, { ids: ['1', 'x'] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'ids[1]',
    });
    expect(await refused('a', '{ targets(first: 201) { id } }')).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
  });

  it('searches now; the findings come back on the list, linked to the stored sets', async () => {
    const searched = await ok(
      'a',
      'mutation { searchTargets(priority: high) { targetId duplicate task { id state } } }',
    );
    const [first] = searched.searchTargets;
    expect(searched.searchTargets).toHaveLength(1);
    expect(first).toMatchObject({ duplicate: false, task: { state: 'queued' } });
    const Q = `{ targets(first: 5) { id task { id state } lastResult {
      taskId state found added unchanged errors sets(first: 50) { source title url set { id title } }
    } } }`;
    // biome-ignore lint/suspicious/noExplicitAny: parsed JSON, read by the assertions
    let target: any = {};
    for (let i = 0; i < 600 && !target.lastResult; i++) {
      [target] = (await ok('a', Q)).targets;
      if (!target.lastResult) await new Promise((r) => setTimeout(r, 100));
    }
    expect(target.id).toBe(first.targetId);
    expect(target.task).toEqual({ id: first.task.id, state: 'completed' });
    // The fixtures hold Lantern in a 1001tracklists set, two MixesDB pages and a Reddit comment.
    expect(target.lastResult).toMatchObject({
      taskId: first.task.id,
      state: 'completed',
      found: 4,
      added: 4,
      unchanged: 0,
    });
    const sets = target.lastResult.sets as { source: string; set: { id: string } | null }[];
    expect(sets.map((s) => s.source)).toEqual(['1001tracklists', 'mixesdb', 'mixesdb', 'reddit']);
    for (const s of sets) {
      expect(s.set).not.toBeNull();
      const set = await ok('a', 'query($id: ID!) { set(id: $id) { entries { track { title } } } }', {
        id: s.set!.id,
      });
      expect(set.set.entries.map((e: { track: { title: string } | null }) => e.track?.title)).toContain(
        'Lantern',
      );
    }
    // `first` on the found sets.
    const two = await ok('a', '{ targets { lastResult { sets(first: 2) { source } } } }');
    expect(two.targets[0].lastResult.sets).toHaveLength(2);
  });

  it('prices nested reads: the whole list, each with every found set and its entries, is refused', async () => {
    const r = await refused(
      'a',
      '{ targets(first: 200) { track { title } lastResult { sets(first: 50) { set { entries(first: 100) { raw } } } } } }',
    );
    expect(r).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX' });
  });
});
