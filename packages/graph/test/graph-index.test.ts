import { describe, expect, it } from 'vitest';
import type { EdgeRecord, GraphDelta, NodeRecord } from '../src/index.ts';
import { GraphIndex, randomSnapshot, seededRandom, snapshotFromRecords } from '../src/index.ts';
import { dump, graphOf, play, track } from './build.ts';

describe('GraphIndex', () => {
  const g = graphOf(
    [track(5, 124, '8A'), track(2, 126, '9A'), track(9, null, null), track(7, 125, '8B')],
    [play(5, 2, 3, 2), play(5, 9, 10, 1), play(5, 7, 1), play(2, 5, 4, 4), play(9, 5, 1)],
  );

  it('finds tracks by id whatever their row order', () => {
    expect([5, 2, 9, 7, 8].map((id) => g.indexOf(id))).toEqual([0, 1, 2, 3, -1]);
  });

  it('lists out- and in-transitions strongest evidence first', () => {
    const outs = g.outByEvidence(g.indexOf(5)).map((e) => g.trackId[g.e.to[e]!]);
    // 10 plays by 1 DJ (log1p(10)·(1+log1p(1)) ≈ 4.06) beats 3 plays by 2 DJs (≈ 2.90) beats 1 play.
    expect(outs).toEqual([9, 2, 7]);
    const ins = g.inByEvidence(g.indexOf(5)).map((e) => g.trackId[g.e.from[e]!]);
    expect(ins).toEqual([2, 9]);
    expect(g.outTotal[g.indexOf(5)]).toBe(14);
    expect(g.findEdge(g.indexOf(5), g.indexOf(2))).toBeGreaterThanOrEqual(0);
    expect(g.findEdge(g.indexOf(2), g.indexOf(9))).toBe(-1);
  });

  it('rejects duplicate tracks, duplicate transitions and transitions to unknown tracks', () => {
    expect(() => graphOf([track(1, null, null), track(1, null, null)], [])).toThrow(/track 1 appears twice/);
    expect(() =>
      graphOf([track(1, null, null), track(2, null, null)], [play(1, 2, 1), play(1, 2, 2)]),
    ).toThrow(/transition 1 → 2 appears twice/);
    expect(() => graphOf([track(1, null, null)], [play(1, 3, 1)])).toThrow(
      /edge row 0 \(to\): track 3 is not a node/,
    );
    expect(() => graphOf([track(1, null, 'H#')], [])).toThrow(/not a musical key/);
  });

  it('stays under 64 bytes per edge and 200 bytes per node', () => {
    const big = GraphIndex.fromSnapshot(randomSnapshot({ nodes: 20_000, edges: 200_000, seed: 3 }));
    const m = big.memoryBreakdown();
    expect(m.edges / big.edgeCount).toBeLessThan(64);
    expect(m.nodes / big.nodeCount).toBeLessThan(200);
  });
});

describe('patching by a delta', () => {
  it.each([
    ['a small delta (overlay only)', 40, false],
    ['a large delta (compacts)', 6000, true],
  ])('gives the same graph as a rebuild: %s', (_name, changes, compacts) => {
    const rnd = seededRandom(7);
    const base = randomSnapshot({ nodes: 3000, edges: 20_000, seed: 11 });
    // The final state as rows: start from the snapshot's rows, apply the same changes as the delta.
    const nodes = new Map<number, NodeRecord>();
    for (let i = 0; i < base.nodeCount; i++) {
      nodes.set(base.nodes.trackId[i]!, {
        trackId: base.nodes.trackId[i]!,
        bpm: Number.isNaN(base.nodes.bpm[i]!) ? null : base.nodes.bpm[i]!,
        key: null,
        genre: base.genres[base.nodes.genre[i]!] ?? null,
        year: base.nodes.year[i] || null,
        durationSeconds: null,
        plays: base.nodes.plays[i]!,
        artistIds: Array.from(
          base.nodes.artistIds.subarray(base.nodes.artistOffsets[i]!, base.nodes.artistOffsets[i + 1]!),
        ),
      });
    }
    const edges = new Map<string, EdgeRecord>();
    for (let i = 0; i < base.edgeCount; i++) {
      const r: EdgeRecord = {
        from: base.edges.from[i]!,
        to: base.edges.to[i]!,
        count: base.edges.count[i]!,
        sets: base.edges.sets[i]!,
        djs: base.edges.djs[i]!,
        firstDate: null,
        lastDate: null,
        sources: base.sourceNames.filter((_n, b) => (base.edges.sources[i]! & (1 << b)) !== 0),
      };
      edges.set(`${r.from}>${r.to}`, r);
    }
    // Keys are dropped above for simplicity of the rows; drop them in the base too.
    base.nodes.key.fill(-1);
    base.edges.firstDay.fill(-2147483648);
    base.edges.lastDay.fill(-2147483648);
    const g = GraphIndex.fromSnapshot(structuredClone(base));
    const delta: GraphDelta = { version: 2, nodes: [], edges: [] };
    for (let i = 0; i < 50; i++) {
      const n: NodeRecord = {
        trackId: 10_000 + i,
        bpm: 120 + i,
        key: null,
        genre: 'New Genre',
        year: 2024,
        plays: 1,
        artistIds: [99],
      };
      delta.nodes.push(n);
      nodes.set(n.trackId, n);
    }
    const existing = [...edges.values()];
    for (let i = 0; i < changes; i++) {
      const pickOld = rnd() < 0.5;
      const from = pickOld
        ? existing[Math.floor(rnd() * existing.length)]!.from
        : 1 + Math.floor(rnd() * 3000);
      const to =
        rnd() < 0.2
          ? 10_000 + Math.floor(rnd() * 50)
          : pickOld
            ? existing[Math.floor(rnd() * existing.length)]!.to
            : 1 + Math.floor(rnd() * 3000);
      if (from === to) continue;
      const count = rnd() < 0.2 ? 0 : 1 + Math.floor(rnd() * 20);
      const r: EdgeRecord = { from, to, count, sets: count, djs: Math.min(count, 3), sources: ['rekordbox'] };
      delta.edges.push(r);
      if (count === 0) edges.delete(`${from}>${to}`);
      else edges.set(`${from}>${to}`, r);
    }
    g.applyDelta(delta);
    expect(g.overlaySize === 0).toBe(compacts);
    const rebuilt = GraphIndex.fromSnapshot(
      snapshotFromRecords([...nodes.values()], [...edges.values()], { sourceNames: base.sourceNames }),
    );
    expect(g.edgeCount).toBe(rebuilt.edgeCount);
    expect(dump(g)).toBe(dump(rebuilt));
    g.compact();
    expect(dump(g)).toBe(dump(rebuilt));
  });

  it('skips a removed transition of a track it does not hold, and refuses a live one', () => {
    const base = randomSnapshot({ nodes: 50, edges: 200, seed: 3 });
    const g = GraphIndex.fromSnapshot(structuredClone(base));
    const before = dump(g);
    const known = base.nodes.trackId[0]!;
    // Track 999,999 was merged away before this index loaded: its transitions are gone (count 0).
    g.applyDelta({
      version: 2,
      nodes: [],
      edges: [
        { from: 999_999, to: known, count: 0, sets: 0, djs: 0, sources: [] },
        { from: known, to: 999_999, count: 0, sets: 0, djs: 0, sources: [] },
      ],
    });
    expect(dump(g)).toBe(before);
    expect(() =>
      g.applyDelta({
        version: 3,
        nodes: [],
        edges: [{ from: 999_999, to: known, count: 2, sets: 2, djs: 1, sources: [] }],
      }),
    ).toThrow('track 999999 is not a node of the graph');
  });
});
