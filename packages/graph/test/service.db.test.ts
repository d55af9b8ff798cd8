// GraphService on a real (small, imported) database: patching by change events equals a rebuild,
// track names resolve with the import identity rules, queries carry names and evidence sets, and
// communities/layouts are computed, stored and read back.
import type { ParsedEntry, ParsedSet } from '@songnodes/core';
import { graphStore } from '@songnodes/db';
import { type GraphChange, importItems } from '@songnodes/ingest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { type GraphIndex, GraphService, type TrackResolution, UnknownTrackError } from '../src/index.ts';

const set = (
  externalId: string,
  lines: (string | [string, Partial<ParsedEntry>])[],
  extra: Partial<ParsedSet> = {},
): ParsedSet => ({
  source: 'test',
  externalId,
  title: `Set ${externalId}`,
  performers: ['DJ One'],
  date: '2024-05-01',
  kind: 'mix',
  entries: lines.map((l, i) =>
    typeof l === 'string' ? { position: i + 1, raw: l } : { position: i + 1, raw: l[0], ...l[1] },
  ),
  issues: [],
  ...extra,
});

const FIRST = [
  set('a', [
    ['Kay Loom - Sundial', { bpm: 124, key: '8A' }],
    ['Mira Vale - Tide', { bpm: 125, key: '9A' }],
    ['Ora - Horizon', { bpm: 126, key: '9A' }],
  ]),
  set('b', ['Kay Loom - Sundial', 'Mira Vale - Tide', 'Mira Vale - Tide (Tom Ash Remix)'], {
    performers: ['DJ Two'],
  }),
];

/** Everything a query can see of an index, in a canonical order (node rows may differ). */
function canonical(g: GraphIndex) {
  const nodes: string[] = [];
  const edges: string[] = [];
  for (let u = 0; u < g.nodeCount; u++) {
    nodes.push(
      [g.trackId[u], g.bpm[u], g.key[u], g.genreName(u), g.year[u], g.plays[u], [...g.artistsOf(u)]].join(
        '|',
      ),
    );
    g.forEachOut(u, (v, e) =>
      edges.push(
        [
          g.trackId[u],
          g.trackId[v],
          g.e.count[e],
          g.e.sets[e],
          g.e.djs[e],
          g.e.firstDay[e],
          g.e.lastDay[e],
        ].join('|'),
      ),
    );
  }
  return { nodes: nodes.sort(), edges: edges.sort(), edgeCount: g.edgeCount };
}

const found = (r: TrackResolution) => {
  if (r.status !== 'found') throw new Error(`expected a track, got ${r.status}: ${r.message}`);
  return r.track;
};

describe.skipIf(noServer)('graph service', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await testDatabase();
  });
  afterEach(() => t.drop());

  it('applies change events of a later import and then equals a rebuild', async () => {
    await importItems(t.db, FIRST);
    const service = await GraphService.start(graphStore(t.db));
    expect(service.status()).toMatchObject({ tracks: 4, transitions: 3 });
    const changes: GraphChange[] = [];
    await importItems(
      t.db,
      [
        // replaces set b: Tide → remix is gone, Tide → Glass (new track) arrives
        set('b', ['Kay Loom - Sundial', 'Mira Vale - Tide', 'Noa Fen - Glass'], { performers: ['DJ Two'] }),
        set('c', ['Ora - Horizon', 'Kay Loom - Sundial', 'Mira Vale - Tide'], {
          performers: ['DJ Three'],
          date: '2025-02-03',
        }),
      ],
      { onChange: (c) => void service.onChange(c).then(() => changes.push(c)) },
    );
    await service.idle();
    expect(changes.length).toBeGreaterThan(0);
    const st = service.status();
    expect(st.rebuilds).toBe(0);
    expect(st.patchesApplied).toBe(changes.length);
    const rebuilt = await GraphService.start(graphStore(t.db));
    expect(canonical(service.index)).toEqual(canonical(rebuilt.index));
    const tide = found(await service.resolveTrack('Mira Vale - Tide'));
    const after = await service.played('after', tide.trackId);
    expect(after.transitions.map((x) => after.tracks[x.to]?.title)).toEqual(['Horizon', 'Glass']);
  });

  it('resolves tracks by id and by name with the import identity rules', async () => {
    await importItems(t.db, [
      ...FIRST,
      set('c', ['Mira Vale - Tide (Ash Dub)', 'Pell - Rain (Nox Remix)', 'Pell - Rain (Vey Remix)']),
    ]);
    const s = await GraphService.start(graphStore(t.db));
    const sundial = found(await s.resolveTrack('KAY LOOM - Sundial (Original Mix)'));
    expect(sundial.title).toBe('Sundial');
    expect(found(await s.resolveTrack(String(sundial.trackId))).trackId).toBe(sundial.trackId);
    expect(found(await s.resolveTrack(sundial.trackId)).title).toBe('Sundial');
    // An exact key beats the other versions of the recording.
    expect(found(await s.resolveTrack('Mira Vale - Tide')).version).toBeNull();
    // No exact key: the only version of the recording.
    expect(found(await s.resolveTrack('Ora - Horizon (Extended Mix)')).title).toBe('Horizon');
    const ambiguous = await s.resolveTrack('Pell - Rain');
    expect(ambiguous.status).toBe('ambiguous');
    expect((ambiguous.status === 'ambiguous' ? ambiguous.candidates : []).map((c) => c.version)).toEqual([
      'Nox Remix',
      'Vey Remix',
    ]);
    expect(ambiguous.status === 'ambiguous' && ambiguous.message).toMatch(/matches 2 tracks/);
    expect(await s.resolveTrack('Nobody - Nothing')).toMatchObject({
      status: 'unknown',
      message: 'no track matches "Nobody - Nothing"',
    });
    expect(await s.resolveTrack('999999')).toMatchObject({ status: 'unknown' });
    expect(await s.resolveTrack('   ')).toMatchObject({ status: 'unknown' });
  });

  it('answers with names and the sets behind transitions; unknown tracks are an error of their own', async () => {
    await importItems(t.db, FIRST);
    const s = await GraphService.start(graphStore(t.db));
    const sundial = found(await s.resolveTrack('Kay Loom - Sundial')).trackId;
    const horizon = found(await s.resolveTrack('Ora - Horizon')).trackId;
    const n = await s.neighbours({ trackId: sundial, direction: 'out' });
    expect(n.edges).toHaveLength(1);
    expect(n.tracks[n.edges[0]!.to]?.title).toBe('Tide');
    const after = await s.played('after', sundial);
    expect(after.transitions[0]?.evidenceSets.map((x) => x.title).sort()).toEqual(['Set a', 'Set b']);
    const plan = await s.plan({ from: sundial, to: horizon, length: 3 });
    expect(plan.sets[0]?.tracks.map((id) => plan.tracks[id]?.title)).toEqual(['Sundial', 'Tide', 'Horizon']);
    const firstStep = plan.sets[0]!.steps[0]!;
    expect(firstStep.kind).toBe('observed');
    expect(plan.evidence[`${firstStep.from}>${firstStep.to}`]).toHaveLength(2);
    await expect(s.neighbours({ trackId: 424242 })).rejects.toThrow(UnknownTrackError);
    await expect(s.neighbours({ trackId: sundial, filter: { keys: ['13C'] } })).rejects.toThrow(
      /not a musical key/,
    );
    await expect(s.rankings('bridges')).rejects.toThrow(/no communities are stored yet/);
    expect((await s.rankings('most-played')).ranked[0]?.plays).toBe(2);
  });

  it('plans without two versions of one recording unless asked (versions read from the database)', async () => {
    // DJs played Tide → its remix → Horizon most; Tide → Glass → Horizon once.
    await importItems(t.db, [
      set('v1', ['Mira Vale - Tide', 'Mira Vale - Tide (Tom Ash Remix)', 'Ora - Horizon']),
      set('v2', ['Mira Vale - Tide', 'Mira Vale - Tide (Tom Ash Remix)', 'Ora - Horizon'], {
        performers: ['DJ Two'],
      }),
      set('v3', ['Mira Vale - Tide', 'Noa Fen - Glass', 'Ora - Horizon'], { performers: ['DJ Three'] }),
      set('v4', ['Pell - Rain (Nox Remix)', 'Pell - Rain (Vey Remix)']),
    ]);
    const groups = await graphStore(t.db).recordingGroups();
    const id = async (name: string) => found(await s.resolveTrack(name)).trackId;
    const s = await GraphService.start(graphStore(t.db));
    const tide = await id('Mira Vale - Tide');
    const remix = await id('Mira Vale - Tide (Tom Ash Remix)');
    // Two remixes of an original we have never seen are versions of one recording too.
    expect(groups.get(tide)).toBe(groups.get(remix));
    expect(groups.get(await id('Pell - Rain (Nox Remix)'))).toBe(
      groups.get(await id('Pell - Rain (Vey Remix)')),
    );
    expect(groups.has(await id('Ora - Horizon'))).toBe(false);
    const titles = (p: Awaited<ReturnType<typeof s.plan>>) =>
      p.sets[0]?.tracks.map(
        (x) => `${p.tracks[x]?.title}${p.tracks[x]?.version ? ` (${p.tracks[x]?.version})` : ''}`,
      );
    const horizon = await id('Ora - Horizon');
    expect(titles(await s.plan({ from: tide, to: horizon, length: 3 }))).toEqual([
      'Tide',
      'Glass',
      'Horizon',
    ]);
    expect(titles(await s.plan({ from: tide, to: horizon, length: 3, versions: 'allow' }))).toEqual([
      'Tide',
      'Tide (Tom Ash Remix)',
      'Horizon',
    ]);
  });

  it('computes, stores and reloads communities; extends a stored layout for new tracks', async () => {
    await importItems(t.db, FIRST);
    const s = await GraphService.start(graphStore(t.db));
    const steps: number[] = [];
    const c = await s.computeCommunities({ onProgress: (p) => steps.push(p.done) });
    expect(steps).toEqual([0, 1, 2, 3]);
    expect(c.trackIds).toHaveLength(4);
    expect(c.labels.reduce((n, l) => n + l.size, 0)).toBe(4);
    expect(c.labels[0]?.label).toMatch(/genre unknown · /);
    const again = await GraphService.start(graphStore(t.db));
    expect(again.latestCommunities()?.id).toBe(c.id);
    expect((await again.rankings('bridges')).kind).toBe('bridges');

    const full = await s.computeLayout({ iterations: 5 });
    expect(full.mode).toBe('full');
    expect(full.layout.trackIds).toHaveLength(4);
    const before = (await s.layout('forceatlas2'))!.byNode.slice();
    await importItems(t.db, [set('d', ['Ora - Horizon', 'Noa Fen - Glass'])], {
      onChange: (change) => void s.onChange(change),
    });
    await s.idle();
    const inc = await s.computeLayout({ iterations: 5 });
    expect(inc).toMatchObject({ mode: 'incremental', settled: 4 });
    const after = (await s.layout('forceatlas2'))!.byNode;
    // Settled tracks stay where they were; the new one gets a position.
    expect(Array.from(after.subarray(0, 8))).toEqual(Array.from(before.subarray(0, 8)));
    expect(Number.isFinite(after[8]!)).toBe(true);
  });
});
