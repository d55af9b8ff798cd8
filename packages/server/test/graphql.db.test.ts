// GraphQL end to end through the real server (buildApp) on a small imported graph: every query and
// mutation, a subscription over WebSocket fed by the event bus, error codes with the field at fault,
// depth and complexity bombs refused, bad input never an internal error, and the number of SQL
// statements a nested query costs staying the same whether it asks for 5 tracks or 50.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { asLocalOwner } from './local-owner.ts';

interface GqlError {
  message: string;
  extensions?: { code?: string; field?: string; [k: string]: unknown };
}
/** A response as JSON: test code reads into it freely (a wrong path fails the assertion). */
// biome-ignore lint/suspicious/noExplicitAny: parsed JSON, checked by the assertions that read it
type Json = any;
interface GqlResponse {
  status: number;
  data: Json;
  errors?: GqlError[];
}

// 60 tracks played in the same order by two DJs: 59 transitions, each seen twice.
const LONG = Array.from({ length: 60 }, (_, i) => `Artist ${i + 1} - Title ${i + 1}`);

describe.skipIf(noServer)('GraphQL API', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let jobs: JobQueue;
  let graph: GraphService;
  let bus: LocalEventBus;
  let uploads: string;
  beforeAll(async () => {
    t = await testDatabase();
    uploads = mkdtempSync(join(tmpdir(), 'songnodes-gql-'));
    await importItems(t.db, [
      testSet(
        'a',
        ['Daft Punk - Around the World', 'Röyksopp - Eple', 'ID - ID', 'Kay Loom feat. Ora - Sundial'],
        {
          performers: ['DJ One'],
          title: 'Warehouse Night',
          date: '2023-04-01',
          // Kay Loom's Sundial has no BPM or key in any source: they must stay null.
          entry: (raw, i) =>
            raw.startsWith('ID') || raw.startsWith('Kay') ? {} : { bpm: 120 + i, key: '8A' },
        },
      ),
      testSet('b', ['Daft Punk - Around the World', 'Röyksopp - Eple', 'Kay Loom - Sundial (Nox Remix)'], {
        performers: ['DJ Two'],
        title: 'Sunrise Session',
        date: '2024-06-01',
        entry: (_raw, i) => ({ bpm: 120 + i, key: '8A' }),
      }),
      testSet('long1', LONG, { performers: ['DJ Three'], title: 'Long One' }),
      testSet('long2', LONG, { performers: ['DJ Four'], title: 'Long Two' }),
    ]);
    graph = await GraphService.start(graphStore(t.db));
    jobs = await JobQueue.start(t.db, { schedule: false });
    bus = new LocalEventBus();
    const api = createApiServices({ db: t.db, bus, graph, jobs, uploadDir: uploads });
    app = asLocalOwner(await buildApp({ config: { LOG_LEVEL: 'silent' }, db: t.db, jobs, api }));
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await jobs?.stop(1000);
    await t?.drop();
    rmSync(uploads, { recursive: true, force: true });
  });

  const gql = async (query: string, variables?: Record<string, unknown>): Promise<GqlResponse> => {
    const r = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
    const body = r.json();
    return { status: r.statusCode, data: body.data ?? null, errors: body.errors };
  };
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const r = await gql(query, variables);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.status).toBe(200);
    return r.data!;
  };
  const trackId = async (name: string) => {
    const r = await graph.resolveTrack(name);
    if (r.status !== 'found') throw new Error(r.message);
    return r.track.trackId;
  };

  it('gives a track with credits, versions, counts and transitions; unknown BPM and key are null', async () => {
    const id = await trackId('Kay Loom - Sundial');
    const d = await ok(
      `query($id: ID!) { track(id: $id) {
        id title artist version bpm key genres duration plays djs
        artists { role artist { id name } }
        remixes { title version original { title } }
        transitionsIn { count djs firstDate lastDate from { title } evidence { date performers source set { title } } }
        transitionsOut { count }
        sets { title date performers { name } }
      } }`,
      { id: String(id) },
    );
    expect(d.track).toMatchObject({
      id: String(id),
      title: 'Sundial',
      version: null,
      bpm: null,
      key: null,
      genres: [],
      duration: null,
      plays: 1,
      djs: 1,
      transitionsOut: [],
    });
    expect(d.track.artists.map((a: Json) => [a.role, a.artist.name])).toEqual([
      ['primary', 'Kay Loom'],
      ['featured', 'Ora'],
    ]);
    expect(d.track.remixes).toEqual([
      { title: 'Sundial', version: 'Nox Remix', original: { title: 'Sundial' } },
    ]);
    // After "ID - ID" the chain breaks: nothing leads into Sundial in set a.
    expect(d.track.transitionsIn).toEqual([]);
    expect(d.track.sets).toEqual([
      { title: 'Warehouse Night', date: '2023-04-01', performers: [{ name: 'DJ One' }] },
    ]);
  });

  it('gives a transition with its evidence, and the transitions of a track', async () => {
    const from = await trackId('Daft Punk - Around the World');
    const to = await trackId('Röyksopp - Eple');
    const d = await ok(
      `query($from: ID, $to: ID) {
        one: transitions(from: $from, to: $to) { count sets djs firstDate lastDate from { title } to { title }
          evidence { position date performers source set { id title } } }
        out: transitions(from: $from) { to { title } count }
        top: transitions(first: 1) { count from { title } to { title } }
      }`,
      { from: String(from), to: String(to) },
    );
    expect(d.one).toHaveLength(1);
    expect(d.one[0]).toMatchObject({
      count: 2,
      sets: 2,
      djs: 2,
      firstDate: '2023-04-01',
      lastDate: '2024-06-01',
      from: { title: 'Around the World' },
      to: { title: 'Eple' },
    });
    // Most recent first.
    expect(d.one[0].evidence.map((e: Json) => [e.set.title, e.date, e.performers])).toEqual([
      ['Sunrise Session', '2024-06-01', ['DJ Two']],
      ['Warehouse Night', '2023-04-01', ['DJ One']],
    ]);
    expect(d.out).toEqual([{ to: { title: 'Eple' }, count: 2 }]);
    expect(d.top[0].count).toBe(2);
    const never = await gql('query($a: ID, $b: ID) { transitions(from: $a, to: $b) { count } }', {
      a: String(to),
      b: String(from),
    });
    expect(never.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('gives an artist with aliases, tracks and collaborations', async () => {
    const track = await ok(
      `{ track(id: "${await trackId('Kay Loom - Sundial')}") { artists { artist { id } } } }`,
    );
    const d = await ok(
      `query($id: ID!) { artist(id: $id) { id name aliases tracks { title version plays }
        collaborations { tracks artist { name } } } }`,
      { id: track.track.artists[0].artist.id },
    );
    expect(d.artist.name).toBe('Kay Loom');
    expect(d.artist.aliases).toEqual([]);
    expect(d.artist.tracks.map((x: Json) => `${x.title} (${x.version ?? 'original'})`).sort()).toEqual([
      'Sundial (Nox Remix)',
      'Sundial (original)',
    ]);
    // Ora is featured on Sundial, Nox remixed it.
    expect(d.artist.collaborations).toEqual([
      { tracks: 1, artist: { name: 'Nox' } },
      { tracks: 1, artist: { name: 'Ora' } },
    ]);
  });

  it('gives a set with its entries in order, the unknown one kept as written', async () => {
    const list = await ok('{ search(q: "warehouse") { sets { id } } }');
    const d = await ok(
      `query($id: ID!) { set(id: $id) { title date source kind entryCount performers { name }
        entries { position raw unknown track { title bpm key } } } }`,
      { id: list.search.sets[0].id },
    );
    expect(d.set).toMatchObject({
      title: 'Warehouse Night',
      date: '2023-04-01',
      source: 'test',
      kind: 'mix',
      entryCount: 4,
      performers: [{ name: 'DJ One' }],
    });
    expect(d.set.entries.map((e: Json) => [e.position, e.raw, e.unknown, e.track?.title ?? null])).toEqual([
      [1, 'Daft Punk - Around the World', false, 'Around the World'],
      [2, 'Röyksopp - Eple', false, 'Eple'],
      [3, 'ID - ID', true, null],
      [4, 'Kay Loom feat. Ora - Sundial', false, 'Sundial'],
    ]);
    expect(d.set.entries[3].track).toMatchObject({ bpm: null, key: null });
  });

  it('searches with typos and accents, grouped by kind with facets', async () => {
    const d = await ok(`{ search(q: "daft pnuk") { query tracks { title bpm key } artists { name }
      facets { keys { value count } bpmMin bpmMax } } }`);
    expect(d.search.artists[0].name).toBe('Daft Punk');
    expect(d.search.tracks[0]).toMatchObject({ title: 'Around the World', key: '8A' });
    expect(d.search.facets.keys[0]).toEqual({ value: '8A', count: expect.any(Number) });
    const accent = await ok('{ search(q: "royksopp") { artists { name } } }');
    expect(accent.search.artists[0].name).toBe('Röyksopp');
    const empty = await gql('{ search(q: "   ") { query } }');
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'q' });
    expect(empty.status).toBe(400);
  });

  it('lists tracks with filters and a cursor', async () => {
    const first = await ok('{ tracks(first: 2, filter: { artist: "artist 1" }) { items { title } next } }');
    expect(first.tracks.items).toHaveLength(2);
    const rest = await ok(
      `{ tracks(first: 100, after: "${first.tracks.next}", filter: { artist: "artist 1" }) { items { title } next } }`,
    );
    // Artist 1, 10…19: eleven tracks in all.
    expect(first.tracks.items.length + rest.tracks.items.length).toBe(11);
    expect(rest.tracks.next).toBeNull();
    const bad = await gql('{ tracks(filter: { keys: ["H#"] }) { items { id } } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'keys' });
  });

  it('gives the graph under a filter and plans a set, as a query and as a mutation', async () => {
    const g =
      await ok(`{ graphData(nodes: 10, filters: { minCount: 2 }) { version nodes { plays track { title } }
      edges { source target count djs } } }`);
    expect(g.graphData.nodes.length).toBe(10);
    expect(g.graphData.edges.every((e: Json) => e.count >= 2)).toBe(true);
    const input = { from: 'Artist 1 - Title 1', to: 'Artist 5 - Title 5', length: 5 };
    const q = `query($input: PlanInput!) { plan(input: $input) { length sets { cost observedSteps bridges
      tracks { title } steps { position kind count from { title } to { title } text } } } }`;
    const p = await ok(q, { input });
    expect(p.plan.sets[0].tracks.map((x: Json) => x.title)).toEqual([
      'Title 1',
      'Title 2',
      'Title 3',
      'Title 4',
      'Title 5',
    ]);
    expect(p.plan.sets[0].steps[0]).toMatchObject({ position: 2, kind: 'observed', count: 2 });
    const m = await ok(q.replace('query(', 'mutation(').replace('plan(input', 'runPlan(input'), { input });
    expect(m.runPlan.sets[0].tracks).toEqual(p.plan.sets[0].tracks);
    const bad = await gql(q, { input: { ...input, length: 1 } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.length' });
    const unknown = await gql(q, { input: { ...input, from: 'Nobody - Nothing' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'from' });
    const badKey = await gql('{ graphData(filters: { keys: ["13C"] }) { version } }');
    expect(badKey.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'keys' });
  });

  it('issues the same small number of SQL statements for 50 tracks as for 5', async () => {
    const query = (n: number) => `{ tracks(first: ${n}) { items { id title
      artists { role artist { name } }
      transitionsOut(first: 3) { count djs to { id title } }
      transitionsIn(first: 3) { count from { id title } } } } }`;
    const db = t.db;
    const original = db.query;
    let statements = 0;
    db.query = ((...args: Parameters<typeof original>) => {
      statements++;
      return original.apply(db, args);
    }) as typeof original;
    const counted = async (n: number) => {
      statements = 0;
      const d = await ok(query(n));
      return { statements, tracks: d.tracks.items as Json[] };
    };
    try {
      const five = await counted(5);
      const fifty = await counted(50);
      expect(fifty.tracks).toHaveLength(50);
      // The nested data is really there: every listed "Artist k" track but the last leads somewhere.
      expect(fifty.tracks.filter((x) => x.transitionsOut.length > 0).length).toBeGreaterThan(40);
      expect(fifty.tracks.every((x) => x.artists.length > 0)).toBe(true);
      // list, tracks, credits, out, in, the tracks at their other ends: 6, however many tracks.
      expect(fifty.statements).toBe(five.statements);
      expect(fifty.statements).toBeLessThanOrEqual(6);
    } finally {
      db.query = original;
    }
  });

  it('refuses a query nested too deep or asking for too much, saying which limit', async () => {
    let deep = 'id';
    for (let i = 0; i < 8; i++) deep = `transitionsOut(first: 1) { to { ${deep} } }`;
    const tooDeep = await gql(`{ track(id: "1") { ${deep} } }`);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.data).toBeNull();
    expect(tooDeep.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 15 });
    expect(tooDeep.errors?.[0]?.message).toMatch(/GRAPHQL_DEPTH_LIMIT/);

    const wide = await gql(
      '{ tracks(first: 500) { items { transitionsOut(first: 500) { to { title } } } } }',
    );
    expect(wide.status).toBe(400);
    expect(wide.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 1000 });
    expect(wide.errors?.[0]?.message).toMatch(/GRAPHQL_COMPLEXITY_LIMIT/);
    // Variables are priced at their value, not their default.
    const viaVariable = await gql(
      'query($n: Int) { tracks(first: $n) { items { sets(first: $n) { title } } } }',
      {
        n: 400,
      },
    );
    expect(viaVariable.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    // The standard introspection query (GraphiQL's) is 15 deep: it fits the default limits; a walk
    // nesting introspection types into each other is refused.
    const { getIntrospectionQuery } = await import('graphql');
    const schema = await gql(getIntrospectionQuery());
    expect(schema.errors).toBeUndefined();
    expect(schema.data.__schema.queryType.name).toBe('Query');
    let typeDeep = 'name';
    for (let i = 0; i < 8; i++) typeDeep = `fields { type { ${typeDeep} } }`;
    const introspectionBomb = await gql(`{ __schema { types { ${typeDeep} } } }`);
    // graphql-js's own introspection-depth rule may refuse it first; either way it never runs.
    expect(introspectionBomb.status).toBe(400);
    expect(introspectionBomb.data).toBeNull();
    // Lists sized by an argument above them: graphData's edges, a plan's alternatives and length.
    const edges = await gql('{ graphData(nodes: 1, edges: 5000) { edges { source } } }');
    expect(edges.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const plans = await gql(`{ plan(input: { from: "1", to: "2", k: 5, length: 100 }) {
      sets { tracks { transitionsOut(first: 2) { count } } } } }`);
    expect(plans.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    // Fragments spread into fragments are measured too (and once each).
    const fragments = await gql(`
      query { tracks(first: 100) { items { ...A } } }
      fragment A on Track { transitionsOut(first: 100) { to { ...B } } }
      fragment B on Track { title }`);
    expect(fragments.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('maps service errors to codes with the field, and never shows a stack', async () => {
    const missing = await gql('{ track(id: "999999") { title } }');
    expect(missing.status).toBe(200);
    expect(missing.data).toEqual({ track: null });
    expect(missing.errors?.[0]).toMatchObject({
      message: 'no track 999999',
      path: ['track'],
      extensions: { code: 'NOT_FOUND', field: 'id' },
    });
    for (const q of ['{ artist(id: "999999") { name } }', '{ set(id: "999999") { title } }']) {
      expect((await gql(q)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const huge = await gql('{ track(id: "99999999999999999999") { title } }');
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const wrongType = await gql('query($n: Int) { tracks(first: $n) { next } }', { n: 'many' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Over GET: queries run, mutations are refused (405), neither is an internal error.
    const viaGet = await app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('{ tracks(first: 1) { next } }')}`,
    });
    expect(viaGet.statusCode).toBe(200);
    expect(viaGet.json().data.tracks.next).not.toBeNull();
    const mutationViaGet = await app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('mutation { updateTrack(id: "1", bpm: 1) { bpm } }')}`,
    });
    expect(mutationViaGet.statusCode).toBe(405);
    for (const qs of ['variables=notjson', 'query=%7B%7D', 'query=123', 'operationName=x']) {
      const r = await app.inject({
        method: 'GET',
        url: `/graphql?query=%7B%20tracks%20%7B%20next%20%7D%20%7D&${qs}`,
      });
      expect(r.statusCode, `${qs}: ${r.body}`).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, `${qs}: ${r.body}`).toBeLessThan(500);
    }
    expect(mutationViaGet.json().errors[0].extensions.code).toBe('BAD_REQUEST');
    const notJson = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: '{"query": ',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().errors[0].extensions.code).toBe('BAD_REQUEST');
    const nested = await gql('{ tracks(first: 1) { items { transitionsOut(first: -1) { count } } } }');
    expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const syntax = await gql('{ track(id: "1") { title }');
    expect(syntax.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknownField = await gql('{ track(id: "1") { password } }');
    expect(unknownField.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const r of [missing, huge, wrongType, syntax, unknownField])
      expect(JSON.stringify(r.errors)).not.toMatch(/\bat .+\.(ts|js):\d+/);
  });

  it('corrects a track, merges two tracks and splits them again', async () => {
    const eple = await trackId('Röyksopp - Eple');
    const upd = await ok(
      `mutation($id: ID!) { updateTrack(id: $id, bpm: 126.5, key: "Am") { bpm key genres } }`,
      { id: String(eple) },
    );
    expect(upd.updateTrack).toEqual({ bpm: 126.5, key: '8A', genres: [] });
    const bad = await gql(`mutation { updateTrack(id: "${eple}", key: "H#") { key } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key' });
    const cleared = await ok(`mutation { updateTrack(id: "${eple}", bpm: null) { bpm key } }`);
    expect(cleared.updateTrack).toEqual({ bpm: null, key: '8A' });

    const kept = await trackId('Artist 59 - Title 59');
    const merged = await trackId('Artist 60 - Title 60');
    const self = await gql(`mutation { mergeTracks(keptId: "${kept}", mergedId: "${kept}") { mergeId } }`);
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mergedId' });
    const m = await ok(
      `mutation { mergeTracks(keptId: "${kept}", mergedId: "${merged}") { mergeId entriesMoved kept { title plays } } }`,
    );
    expect(m.mergeTracks).toMatchObject({ entriesMoved: 2, kept: { title: 'Title 59', plays: 4 } });
    const after = await ok(`{ track(id: "${merged}") { mergedInto { id } } }`);
    expect(after.track.mergedInto).toEqual({ id: String(kept) });
    const s = await ok(
      `mutation { splitMerge(mergeId: "${m.mergeTracks.mergeId}") { entriesRestored kept { plays } restored { title plays } } }`,
    );
    expect(s.splitMerge).toEqual({
      entriesRestored: 2,
      kept: { plays: 2 },
      restored: { title: 'Title 60', plays: 2 },
    });
    const again = await gql(`mutation { splitMerge(mergeId: "${m.mergeTracks.mergeId}") { mergeId } }`);
    expect(again.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|NOT_FOUND|CONFLICT/);
  });

  it("sets an artist's aliases and merges two artists, through the same service as REST", async () => {
    const artistOf = async (track: string) =>
      (await ok(`{ track(id: "${await trackId(track)}") { artists { artist { id name } } } }`)).track
        .artists[0].artist as { id: string; name: string };
    const dj = await artistOf('Artist 58 - Title 58');
    const other = await artistOf('Artist 57 - Title 57');
    const a = await ok(
      `mutation($id: ID!, $aliases: [String!]!) { setArtistAliases(id: $id, aliases: $aliases) { id aliases } }`,
      { id: dj.id, aliases: ['Artist Fifty-Eight'] },
    );
    expect(a.setArtistAliases).toEqual({ id: dj.id, aliases: ['Artist Fifty-Eight'] });
    // Another artist's name as an alias is a conflict naming that artist; too long is the field's fault.
    const taken = await gql(
      `mutation($id: ID!) { setArtistAliases(id: $id, aliases: ["${other.name}"]) { id } }`,
      { id: dj.id },
    );
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'aliases' });
    expect(taken.errors?.[0]?.message).toContain(`artist ${other.id}`);
    const long = await gql(
      `mutation($id: ID!) { setArtistAliases(id: $id, aliases: ["${'x'.repeat(201)}"]) { id } }`,
      {
        id: dj.id,
      },
    );
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'aliases.0' });

    const m = await ok(
      `mutation($k: ID!, $m: ID!) { mergeArtists(keptId: $k, mergedId: $m) { mergedId tracks sets transitions kept { id name aliases } } }`,
      { k: dj.id, m: other.id },
    );
    expect(m.mergeArtists).toEqual({
      mergedId: other.id,
      tracks: 1,
      sets: 0,
      transitions: 0,
      kept: { id: dj.id, name: dj.name, aliases: ['Artist 57', 'Artist Fifty-Eight'] },
    });
    expect((await gql(`{ artist(id: "${other.id}") { id } }`)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    const self = await gql(`mutation { mergeArtists(keptId: "${dj.id}", mergedId: "${dj.id}") { tracks } }`);
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'merge' });
  });

  it('accepts an import as text and starts its job; refuses an unknown format', async () => {
    const d = await ok(
      `mutation($text: String!) { importText(text: $text, filename: "set.txt", source: "upload") { jobId progress } }`,
      { text: '01. Kay Loom - Sundial\n02. Ora - Drift\n' },
    );
    expect(d.importText.progress).toBe(`/api/v1/jobs/${d.importText.jobId}`);
    const job = await ok(`{ job(id: "${d.importText.jobId}") { id queue state } }`);
    expect(job.job).toMatchObject({ id: d.importText.jobId, state: 'queued' });
    const bad = await gql('mutation { importText(text: "x", format: "mp3") { jobId } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'format' });
    const noJob = await gql('{ job(id: "no-such-job") { state } }');
    expect(noJob.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('pushes graph changes and job progress to subscribers over WebSocket', async () => {
    const address = app.server.address() as { port: number };
    const ws = new WebSocket(`ws://127.0.0.1:${address.port}/graphql`, 'graphql-transport-ws');
    const messages: Json[] = [];
    ws.onmessage = (m) => messages.push(JSON.parse(String(m.data)));
    await new Promise((resolve, reject) => {
      ws.onopen = resolve;
      ws.onerror = reject;
    });
    const waitFor = (pred: (m: Json) => boolean) =>
      new Promise<Json>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`nothing in ${JSON.stringify(messages)}`)), 10_000);
        const poll = setInterval(() => {
          const m = messages.find(pred);
          if (m) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve(m);
          }
        }, 20);
      });
    ws.send(JSON.stringify({ type: 'connection_init' }));
    await waitFor((m) => m.type === 'connection_ack');
    ws.send(
      JSON.stringify({
        id: 'g',
        type: 'subscribe',
        payload: {
          query: 'subscription { graphChanged { cause changedTracks changedTransitions trackIds } }',
        },
      }),
    );
    ws.send(
      JSON.stringify({
        id: 'j',
        type: 'subscribe',
        payload: { query: 'subscription { jobProgress(id: "job-42") { id state progress } }' },
      }),
    );
    await new Promise((r) => setTimeout(r, 200));
    // A correction through GraphQL itself publishes a graph change.
    const eple = await trackId('Röyksopp - Eple');
    await ok(`mutation { updateTrack(id: "${eple}", genre: "House") { genres } }`);
    const change = await waitFor((m) => m.id === 'g' && m.type === 'next');
    // The corrected track is named so every graph picks up its new facts.
    expect(change.payload.data.graphChanged).toEqual({
      cause: 'update',
      changedTracks: 1,
      changedTransitions: 0,
      trackIds: [String(eple)],
    });
    // Progress of another job is not sent; this job's is.
    const at = new Date().toISOString();
    bus.publish({
      type: 'job.progress',
      job: { jobId: 'job-1', queue: 'q', state: 'active', progress: {}, updatedAt: at },
    });
    bus.publish({
      type: 'job.progress',
      job: { jobId: 'job-42', queue: 'q', state: 'active', progress: { done: 3 }, updatedAt: at },
    });
    const progress = await waitFor((m) => m.id === 'j' && m.type === 'next');
    expect(progress.payload.data.jobProgress).toEqual({
      id: 'job-42',
      state: 'active',
      progress: { done: 3 },
    });
    expect(messages.filter((m) => m.id === 'j' && m.type === 'next')).toHaveLength(1);
    ws.close();
  });

  it('declares a permission for every root field, refusing to start without one', async () => {
    const { buildSchema } = await import('graphql');
    const { schema: sdl } = await import('../src/graphql/schema.ts');
    const { checkPermissionsDeclared, FIELD_PERMISSIONS } = await import('../src/graphql/permissions.ts');
    const { PERMISSIONS } = await import('../src/api/permissions.ts');
    expect(() => checkPermissionsDeclared(buildSchema(sdl))).not.toThrow();
    const extra = buildSchema(`${sdl}\nextend type Mutation { dropEverything: Boolean }`);
    expect(() => checkPermissionsDeclared(extra)).toThrow(/Mutation\.dropEverything/);
    for (const fields of Object.values(FIELD_PERMISSIONS))
      for (const p of Object.values(fields)) expect(PERMISSIONS).toContain(p);
  });

  it('serves GraphiQL only in development', async () => {
    // Outside development /graphiql is not GraphiQL (the web app's own page, if anything).
    const page = await app.inject({ method: 'GET', url: '/graphiql' });
    expect(page.body).not.toContain('<title>GraphiQL</title>');
    const dev = await buildApp({
      config: { LOG_LEVEL: 'silent', NODE_ENV: 'development' } as never,
      db: t.db,
      api: createApiServices({ db: t.db, bus, graph }),
    });
    try {
      const r = await dev.inject({ method: 'GET', url: '/graphiql' });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('<title>GraphiQL</title>');
    } finally {
      await dev.close();
    }
  });

  it('never answers bad values in any argument with an internal error', async () => {
    const { buildSchema, getNamedType, isInputObjectType, isNonNullType, isObjectType } = await import(
      'graphql'
    );
    const { schema: sdl } = await import('../src/graphql/schema.ts');
    const s = buildSchema(sdl);
    const bad: unknown[] = [
      'abc',
      '-1',
      '99999999999999999999',
      "1' OR '1'='1",
      "'; DROP TABLE tracks; --",
      '😀\u0000',
      'x'.repeat(5000),
      '1.5',
      '',
      -1,
      1e300,
      2 ** 31,
      true,
      [],
      {},
    ];
    const valid: Record<string, unknown> = { ID: '1', String: 'x', Int: 1, Float: 1, Boolean: true };
    let requests = 0;
    for (const root of [s.getQueryType()!, s.getMutationType()!]) {
      for (const field of Object.values(root.getFields())) {
        const named = getNamedType(field.type);
        const selection = isObjectType(named) ? '{ __typename }' : '';
        for (const arg of field.args) {
          const argType = getNamedType(arg.type);
          // Inputs objects: each of their fields gets the bad value, the rest valid.
          const targets = isInputObjectType(argType)
            ? Object.values(argType.getFields()).map((f) => (v: unknown) => {
                const base: Record<string, unknown> = { from: '1', to: '2' };
                return { ...base, [f.name]: v };
              })
            : [(v: unknown) => v];
          for (const make of targets) {
            for (const v of bad) {
              const others = field.args
                .filter((o) => o !== arg && isNonNullType(o.type))
                .map((o) => {
                  const t = getNamedType(o.type);
                  return `${o.name}: ${isInputObjectType(t) ? '{ from: "1", to: "2" }' : JSON.stringify(valid[t.name])}`;
                });
              const q = `${root.name === 'Query' ? 'query' : 'mutation'}($v: ${String(arg.type)}) {
                ${field.name}(${[`${arg.name}: $v`, ...others].join(', ')}) ${selection} }`;
              const r = await gql(q, { v: make(v) });
              requests++;
              const label = `${field.name}(${arg.name}: ${JSON.stringify(v).slice(0, 40)})`;
              expect(r.status, label).toBeLessThan(500);
              expect(
                (r.errors ?? []).map((e) => e.extensions?.code),
                `${label}: ${JSON.stringify(r.errors)}`,
              ).not.toContain('INTERNAL_SERVER_ERROR');
            }
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(500);
    // Bodies that are not a GraphQL request at all.
    for (const payload of [
      {},
      { query: 123 },
      { query: '' },
      { query: '{ track }' },
      [],
      'text',
      { variables: 'x' },
    ]) {
      const r = await app.inject({ method: 'POST', url: '/graphql', payload: payload as object });
      expect(r.statusCode, JSON.stringify(payload) + r.body).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, JSON.stringify(payload) + r.body).toBeLessThan(500);
      expect(r.json().errors.length).toBeGreaterThan(0);
    }
    // SQL in a search or a filter is only text: the tables are still there.
    expect((await ok('{ tracks(first: 1) { items { id } } }')).tracks.items).toHaveLength(1);
  });
});
