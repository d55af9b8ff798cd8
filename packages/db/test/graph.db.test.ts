// The graph loader against a small imported graph: the snapshot equals the tables, deltas carry the
// new totals, evidence lists the sets, stored communities/layouts come back bit for bit. Runs on
// PGlite and PostgreSQL (bytea arrives as Uint8Array on one and Buffer on the other).
import type { ParsedEntry, ParsedSet } from '@songnodes/core';
import { isoDate, keyName } from '@songnodes/graph';
import { type GraphChange, importItems } from '@songnodes/ingest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import {
  findTracksByKey,
  latestCommunities,
  latestLayout,
  loadGraphDelta,
  loadGraphSnapshot,
  saveCommunities,
  saveLayout,
  transitionEvidence,
} from '../src/index.ts';

const entry = (position: number, raw: string, extra: Partial<ParsedEntry> = {}): ParsedEntry => ({
  position,
  raw,
  ...extra,
});
const set = (
  externalId: string,
  lines: (string | [string, Partial<ParsedEntry>])[],
  extra: Partial<ParsedSet> = {},
): ParsedSet => ({
  source: 'alpha',
  externalId,
  title: `Set ${externalId}`,
  performers: ['DJ One'],
  date: '2024-05-01',
  kind: 'mix',
  entries: lines.map((l, i) => (typeof l === 'string' ? entry(i + 1, l) : entry(i + 1, l[0], l[1]))),
  issues: [],
  ...extra,
});

const FIRST = [
  set('a', [
    ['Kay Loom - Sundial', { bpm: 124, key: 'Am', genre: 'Techno', year: 2019, durationSeconds: 400 }],
    ['Mira Vale - Tide', { bpm: 125, key: '9A' }],
    'Ora & Kay Loom - Horizon',
  ]),
  set('b', ['Kay Loom - Sundial', 'Mira Vale - Tide', 'Mira Vale - Tide (Tom Ash Remix)'], {
    performers: ['DJ Two'],
    date: '2023-01-02',
  }),
  set('c', ['Mira Vale - Tide', 'Ora & Kay Loom - Horizon'], { source: 'beta', performers: ['DJ Two'] }),
];

type TableEdge = {
  f: number;
  t: number;
  count: number;
  set_count: number;
  dj_count: number;
  first_date: string | null;
  last_date: string | null;
};

describe.skipIf(noServer)('graph loader', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await testDatabase();
  });
  afterEach(() => t.drop());

  const tableEdges = () =>
    t.db.query<TableEdge>(
      `SELECT from_track_id AS f, to_track_id AS t, count, set_count, dj_count,
              first_date::text AS first_date, last_date::text AS last_date
       FROM transitions ORDER BY 1, 2`,
    );

  it.each([
    { pageSize: 100_000, trackSpan: 250_000, what: 'one page' },
    { pageSize: 2, trackSpan: 2, what: 'pages of two transitions and two track ids' },
  ])('the snapshot equals the imported tables ($what)', async ({ pageSize, trackSpan }) => {
    await importItems(t.db, FIRST);
    const s = await loadGraphSnapshot(t.db, { pageSize, trackSpan });
    const tracks = await t.db.query<{
      id: number;
      bpm: number | null;
      camelot_key: string | null;
      plays: number;
    }>(
      `SELECT t.id, t.bpm, t.camelot_key, (SELECT count(*)::int FROM set_entries e WHERE e.track_id = t.id) AS plays
       FROM tracks t ORDER BY t.id`,
    );
    expect(s.nodeCount).toBe(4);
    // Rows come in storage order, not necessarily by id: compare by id.
    const rowOf = new Map(Array.from(s.nodes.trackId, (id, row) => [id, row]));
    expect([...rowOf.keys()].sort((a, b) => a - b)).toEqual(tracks.map((r) => r.id));
    const at = (r: { id: number }) => rowOf.get(r.id)!;
    expect(tracks.map((r) => s.nodes.plays[at(r)])).toEqual(tracks.map((r) => r.plays));
    expect(tracks.map((r) => keyName(s.nodes.key[at(r)]!))).toEqual(tracks.map((r) => r.camelot_key));
    const sundial = at(tracks.find((r) => r.bpm === 124)!);
    expect(s.nodes.bpm[sundial]).toBe(124);
    expect(s.genres[s.nodes.genre[sundial]!]).toBe('Techno');
    expect(s.nodes.year[sundial]).toBe(2019);
    expect(s.nodes.durationSeconds[sundial]).toBe(400);
    // Unknown stays unknown: Horizon has no BPM, key, genre or year.
    const unknownRow = at(tracks.find((r) => r.bpm === null && r.camelot_key === null)!);
    expect(Number.isNaN(s.nodes.bpm[unknownRow]!)).toBe(true);
    expect(s.nodes.genre[unknownRow]).toBe(-1);
    expect(s.nodes.year[unknownRow]).toBe(0);
    expect(Number.isNaN(s.nodes.durationSeconds[unknownRow]!)).toBe(true);
    // Horizon has two primary artists (Ora, Kay Loom), in credit order.
    const artistsOf = (row: number) =>
      Array.from(s.nodes.artistIds.subarray(s.nodes.artistOffsets[row]!, s.nodes.artistOffsets[row + 1]!));
    const [ora] = await t.db.query<{ id: number }>("SELECT id FROM artists WHERE name = 'Ora'");
    const [kay] = await t.db.query<{ id: number }>("SELECT id FROM artists WHERE name = 'Kay Loom'");
    expect(artistsOf(unknownRow)).toEqual([ora!.id, kay!.id]);
    expect(artistsOf(sundial)).toEqual([kay!.id]);
    const artistCounts = Array.from({ length: s.nodeCount }, (_, i) => artistsOf(i).length);
    expect(artistCounts.sort()).toEqual([1, 1, 1, 2]);

    const expected = await tableEdges();
    const got = Array.from({ length: s.edgeCount }, (_, i) => ({
      f: s.edges.from[i]!,
      t: s.edges.to[i]!,
      count: s.edges.count[i]!,
      set_count: s.edges.sets[i]!,
      dj_count: s.edges.djs[i]!,
      first_date: isoDate(s.edges.firstDay[i]!),
      last_date: isoDate(s.edges.lastDay[i]!),
    })).sort((a, b) => a.f - b.f || a.t - b.t);
    expect(got).toEqual(expected);
    expect(expected.filter((e) => e.dj_count === 2)[0]).toMatchObject({
      set_count: 2,
      dj_count: 2,
      first_date: '2023-01-02',
      last_date: '2024-05-01',
    });

    // Two sources: each transition's mask names the sources of its sets.
    expect(s.sourceNames).toEqual(['alpha', 'beta']);
    const sourcesOf = (i: number) => s.sourceNames.filter((_n, b) => (s.edges.sources[i]! & (1 << b)) !== 0);
    const all = Array.from({ length: s.edgeCount }, (_, i) => sourcesOf(i).join('+')).sort();
    expect(all).toEqual(['alpha', 'alpha', 'alpha+beta']);
  });

  it('a delta carries the new totals of the changed pairs and tracks; a removed pair has count 0', async () => {
    await importItems(t.db, FIRST);
    const changes: GraphChange[] = [];
    // Set b replaced: its Tide → remix step is gone, a new track arrives.
    await importItems(
      t.db,
      [
        set('b', ['Kay Loom - Sundial', 'Mira Vale - Tide', 'Noa Fen - Glass'], {
          performers: ['DJ Two'],
          date: '2023-01-02',
        }),
      ],
      {
        onChange: (c) => changes.push(c),
      },
    );
    expect(changes).toHaveLength(1);
    const delta = await loadGraphDelta(t.db, changes[0]!, 7);
    expect(delta.version).toBe(7);
    const [glass] = await t.db.query<{ id: number }>("SELECT id FROM tracks WHERE title = 'Glass'");
    expect(delta.nodes.map((n) => n.trackId)).toContain(glass!.id);
    const removed = delta.edges.filter((e) => e.count === 0);
    expect(removed).toHaveLength(1);
    const added = delta.edges.find((e) => e.to === glass!.id);
    expect(added).toMatchObject({ count: 1, sets: 1, djs: 1, firstDate: '2023-01-02', sources: ['alpha'] });
  });

  it('lists the sets behind a transition, most recent first, with performers and source', async () => {
    await importItems(t.db, FIRST);
    const [pair] = await t.db.query<{ f: number; t: number }>(
      `SELECT from_track_id AS f, to_track_id AS t FROM transitions tr JOIN tracks a ON a.id = tr.from_track_id
       WHERE a.title = 'Sundial'`,
    );
    const ev = await transitionEvidence(
      t.db,
      [
        [pair!.f, pair!.t],
        [pair!.t, pair!.f],
      ],
      5,
    );
    expect(
      ev.get(`${pair!.f}>${pair!.t}`)?.map((s) => [s.title, s.performers, s.date, s.source, s.position]),
    ).toEqual([
      ['Set a', ['DJ One'], '2024-05-01', 'alpha', 1],
      ['Set b', ['DJ Two'], '2023-01-02', 'alpha', 1],
    ]);
    expect(ev.has(`${pair!.t}>${pair!.f}`)).toBe(false);
    expect(
      (await transitionEvidence(t.db, [[pair!.f, pair!.t]], 1)).get(`${pair!.f}>${pair!.t}`),
    ).toHaveLength(1);
  });

  it('finds tracks by identity key and by original key', async () => {
    await importItems(t.db, FIRST);
    const found = await findTracksByKey(t.db, { key: 'miravale|tide', originalKey: 'miravale|tide' });
    expect(found.exact.map((x) => x.title)).toEqual(['Tide']);
    expect(found.original.map((x) => x.version)).toEqual([null, 'Tom Ash Remix']);
  });

  it('stores communities and layouts with a new graph version, bit for bit', async () => {
    const trackIds = Int32Array.from([3, 1, 2]);
    const communities = Int32Array.from([0, -1, 1]);
    const c = await saveCommunities(
      t.db,
      {
        algorithm: 'louvain',
        trackIds,
        communities,
        labels: [{ community: 0, size: 1, label: 'x', genres: [], artists: [] }],
        modularity: 0.25,
      },
      { tracks: 3, transitions: 2 },
    );
    const back = await latestCommunities(t.db);
    expect(back?.id).toBe(c.id);
    expect(Array.from(back!.trackIds)).toEqual([3, 1, 2]);
    expect(Array.from(back!.communities)).toEqual([0, -1, 1]);
    expect(back?.modularity).toBe(0.25);
    expect(back?.labels[0]?.label).toBe('x');

    const positions = Float32Array.from([0.5, -1.25, 1e6, 3.3, Number.NaN, 7]);
    const l = await saveLayout(
      t.db,
      { kind: 'forceatlas2', trackIds, positions, params: { iterations: 5 } },
      { tracks: 3, transitions: 2 },
    );
    expect(l.graphVersion).toBeGreaterThan(c.graphVersion);
    const lb = await latestLayout(t.db, 'forceatlas2');
    expect(Array.from(lb!.positions)).toEqual(Array.from(positions));
    expect(lb?.params).toEqual({ iterations: 5 });
    expect(await latestLayout(t.db, 'circular')).toBeNull();
    await expect(
      saveLayout(
        t.db,
        { kind: 'forceatlas2', trackIds, positions: new Float32Array(2), params: {} },
        { tracks: 3, transitions: 2 },
      ),
    ).rejects.toThrow(/3 track ids need 6 coordinates/);
  });
});
