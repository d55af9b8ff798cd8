import { describe, expect, it } from 'vitest';
import type { PlanRequest } from '../src/index.ts';
import {
  describeBlocked,
  GraphIndex,
  planSet,
  randomSnapshot,
  recommendNext,
  seededRandom,
  stepAllowed,
  stepRules,
} from '../src/index.ts';
import { graphOf, play, track } from './build.ts';

// 1 → 2 → 4 is the popular route, 1 → 3 → 4 the rarer one; 5 is never played but fits 1;
// 6 clashes with 1 in key, 7 is far faster, 8 is 7 at half tempo.
const g = graphOf(
  [
    track(1, 124, '8A', { durationSeconds: 300, plays: 20 }),
    track(2, 125, '8A', { durationSeconds: 300, plays: 10 }),
    track(3, 125, '8A', { durationSeconds: 300, plays: 5 }),
    track(4, 126, '9A', { durationSeconds: 300, plays: 8 }),
    track(5, 125, '9A', { durationSeconds: 300, plays: 30 }),
    track(6, 124, '3B', { durationSeconds: 300 }),
    track(7, 140, '8A', { durationSeconds: 300 }),
    track(8, 62.5, '8A', { durationSeconds: 300 }),
  ],
  [
    play(1, 2, 8, 4),
    play(1, 3, 2, 1),
    play(2, 4, 5, 2),
    play(3, 4, 5, 2),
    play(1, 6, 3, 2),
    play(1, 7, 3, 2),
    play(1, 8, 1),
  ],
);

describe('planSet on a hand-built graph', () => {
  it('takes the more played route and explains each step', () => {
    const r = planSet(g, { from: 1, to: 4, length: 3 });
    expect(r.sets[0]!.tracks).toEqual([1, 2, 4]);
    const [first, second] = r.sets[0]!.steps;
    expect(first).toMatchObject({ kind: 'observed', count: 8, djs: 4, probability: 8 / 17, position: 2 });
    expect(first!.text).toMatch(/^observed 8× by 4 DJs/);
    expect(second!.key).toMatchObject({ from: '8A', to: '9A', relation: 'adjacent' });
    expect(r.sets[0]!.totals).toMatchObject({ observedSteps: 2, bridges: 0, plays: 13 });
  });

  it('returns k genuinely different sets, best first', () => {
    const r = planSet(g, { from: 1, to: 4, length: 3, k: 3, harmonic: 'adjacent' });
    // Both observed routes first; the third set has to bridge (1 → 5 → 4: compatible, never played).
    expect(r.sets.map((s) => s.tracks)).toEqual([
      [1, 2, 4],
      [1, 3, 4],
      [1, 5, 4],
    ]);
    expect(r.sets.map((s) => s.totals.bridges)).toEqual([0, 0, 2]);
  });

  it('passes through waypoints', () => {
    expect(planSet(g, { from: 1, to: 4, via: [3], length: 3 }).sets[0]!.tracks).toEqual([1, 3, 4]);
  });

  it('bridges compatible tracks nobody played together, and says so', () => {
    const r = planSet(g, { from: 1, to: 5, length: 2 });
    const step = r.sets[0]!.steps[0]!;
    expect(step.kind).toBe('bridge');
    expect(step.text).toBe('bridge: not observed, compatible — key 8A→9A (adjacent), BPM 124→125 (+0.8%)');
  });

  it.each([
    ['harmonic', { from: 1, to: 6, length: 2, harmonic: 'adjacent' }, 'harmonic adjacent → any'],
    ['tempo', { from: 1, to: 7, length: 2 }, 'max BPM change 6% → 18%'],
    [
      'bridges',
      { from: 1, to: 5, length: 2, allowBridges: false },
      'allow bridge tracks (steps nobody was seen playing, if compatible)',
    ],
  ] as [string, PlanRequest, string][])(
    'names the blocking constraint (%s) and the best relaxation',
    (constraint, req, change) => {
      const r = planSet(g, req);
      expect(r.sets).toEqual([]);
      expect(r.blocked!.constraints).toContain(constraint);
      expect(r.relaxation!.change).toBe(change);
      expect(r.relaxation!.sets.length).toBeGreaterThan(0);
    },
  );

  it('says where a plan breaks, by name, and the cheapest change that works', () => {
    const names: Record<number, string> = {
      1: 'Kay Loom – Sundial',
      3: 'Mira Vale – Tide',
      7: 'Ora – Drift',
    };
    const name = (id: number) => names[id] ?? `track ${id}`;
    const r = planSet(g, { from: 1, to: 7, length: 2 });
    expect(r.blocked!.gap).toEqual({ from: 1, to: 7 });
    expect(describeBlocked(r, name)).toBe(
      'no set of 2 tracks fits between Kay Loom – Sundial and Ora – Drift under these constraints. ' +
        'The cheapest change that works: max BPM change 6% → 18%',
    );
    // With a waypoint, the gap is the part that cannot be planned: 3 → 7, not 1 → 3.
    const via = planSet(g, { from: 1, to: 7, via: [3], length: 3, allowBridges: false });
    expect(via.blocked!.gap).toEqual({ from: 3, to: 7 });
    expect(describeBlocked(via, name)).toMatch(
      /^no set of 3 tracks fits between Mira Vale – Tide and Ora – Drift/,
    );
    expect(describeBlocked(planSet(g, { from: 1, to: 4, length: 3 }), name)).toBeNull();
  });

  it('takes observed steps into a track of unknown key only as the request says, and flags them', () => {
    // 9 has no known key; DJs played 1 → 9 and 9 → 4.
    const unknown = graphOf(
      [track(1, 124, '8A'), track(9, 125, null), track(4, 126, '9A')],
      [play(1, 9, 3, 2), play(9, 4, 3, 2)],
    );
    const allowed = planSet(unknown, { from: 1, to: 4, length: 3, harmonic: 'adjacent' });
    expect(allowed.sets[0]!.tracks).toEqual([1, 9, 4]);
    const step = allowed.sets[0]!.steps[0]!;
    expect(step.keyUnchecked).toBe(true);
    expect(step.text).toMatch(/key unknown \(8A→\?\): not checked against the harmonic rule/);
    // Under 'any' nothing is checked, so nothing is flagged.
    expect(planSet(unknown, { from: 1, to: 4, length: 3 }).sets[0]!.steps[0]!.keyUnchecked).toBe(false);
    const refused = planSet(unknown, {
      from: 1,
      to: 4,
      length: 3,
      harmonic: 'adjacent',
      unknownKeys: 'refuse',
      allowBridges: false,
    });
    expect(refused.sets).toEqual([]);
    expect(refused.blocked!.changes).toContain('allow steps whose key is unknown');
    expect(() => planSet(unknown, { from: 1, to: 4, length: 3, unknownKeys: 'maybe' as 'allow' })).toThrow(
      /unknownKeys must be "allow" or "refuse"/,
    );
  });

  it('never holds two versions of one recording unless asked', () => {
    // 2 and 3 are versions of one recording (say an original and its remix); 1 → 2 → 3 → 4 is the
    // most played route of 4 tracks, 1 → 2 → 5 → 4 the other one.
    const v = graphOf(
      [
        track(1, 124, '8A'),
        track(2, 125, '8A'),
        track(3, 125, '8A'),
        track(5, 125, '8A'),
        track(4, 126, '9A'),
      ],
      [play(1, 2, 9, 4), play(2, 3, 9, 4), play(3, 4, 9, 4), play(2, 5, 2, 1), play(5, 4, 2, 1)],
    );
    const recordings = new Map([
      [2, 1],
      [3, 1],
    ]);
    expect(planSet(v, { from: 1, to: 4, length: 4 }).sets[0]!.tracks).toEqual([1, 2, 3, 4]);
    expect(planSet(v, { from: 1, to: 4, length: 4 }, { recordings }).sets[0]!.tracks).toEqual([1, 2, 5, 4]);
    const asked = planSet(v, { from: 1, to: 4, length: 4, versions: 'allow' }, { recordings });
    expect(asked.sets[0]!.tracks).toEqual([1, 2, 3, 4]);
    // A version of an anchor is left out too; with nothing else to take, the plan says what would work.
    const tight = planSet(v, { from: 1, to: 3, length: 3, allowBridges: false }, { recordings });
    expect(tight.sets).toEqual([]);
    expect(tight.blocked!.changes).toContain('allow other versions of a track already in the set');
    expect(tight.relaxation!.sets[0]!.tracks).toEqual([1, 2, 3]);
  });

  it('keeps tempo limits apart by unit: percent and BPM', () => {
    // 124 → 140 is +12.9 % and +16 BPM.
    expect(planSet(g, { from: 1, to: 7, length: 2, maxBpmChangePercent: 13 }).sets).toHaveLength(1);
    expect(
      planSet(g, { from: 1, to: 7, length: 2, maxBpmChangePercent: 13, maxBpmChangeBpm: 10 }).sets,
    ).toEqual([]);
  });

  it('matches half/double time only when allowed', () => {
    expect(planSet(g, { from: 1, to: 8, length: 2 }).sets).toEqual([]);
    const r = planSet(g, { from: 1, to: 8, length: 2, halfDoubleTime: true });
    expect(r.sets[0]!.steps[0]!.bpm.matchedAt).toBe('double');
  });

  it('turns minutes into tracks with the mean known duration, and refuses to guess without one', () => {
    expect(planSet(g, { from: 1, to: 4, minutes: 15 })).toMatchObject({
      length: 3,
      assumedTrackSeconds: { seconds: 300, from: 'graph' },
    });
    const bare = graphOf([track(1, 124, '8A'), track(2, 124, '8A')], [play(1, 2, 1)]);
    expect(() => planSet(bare, { from: 1, to: 2, minutes: 10 })).toThrow(/no track durations are known/);
    expect(planSet(bare, { from: 1, to: 2, minutes: 10, averageTrackSeconds: 600 }).length).toBe(2);
  });

  it('rejects impossible requests clearly', () => {
    expect(() => planSet(g, { from: 1, to: 1, length: 3 })).toThrow(/must be different/);
    expect(() => planSet(g, { from: 1, to: 4, via: [2, 3], length: 3 })).toThrow(/cannot hold/);
    expect(() => planSet(g, { from: 1, to: 99, length: 3 })).toThrow(/track 99 is not in the graph/);
  });
});

describe('recommendNext', () => {
  it('ranks observed continuations by evidence, then compatible bridges, within a library', () => {
    const recs = recommendNext(g, { trackId: 1, harmonic: 'adjacent' });
    expect(recs.map((r) => [r.to, r.kind])).toEqual([
      [2, 'observed'],
      [3, 'observed'],
      [5, 'bridge'],
      [4, 'bridge'],
    ]);
    const lib = recommendNext(g, { trackId: 1, harmonic: 'adjacent', library: [3, 4] });
    expect(lib.map((r) => r.to)).toEqual([3, 4]);
  });
});

describe('planner properties on random graphs', () => {
  const big = GraphIndex.fromSnapshot(randomSnapshot({ nodes: 3000, edges: 40_000, seed: 5 }));
  const rnd = seededRandom(21);
  const harmonics = ['same', 'adjacent', 'relative', 'energy_boost', 'any'] as const;
  const requests: PlanRequest[] = Array.from({ length: 12 }, () => ({
    from: 1 + Math.floor(rnd() * 3000),
    to: 1 + Math.floor(rnd() * 3000),
    via: rnd() < 0.3 ? [1 + Math.floor(rnd() * 3000)] : [],
    length: 4 + Math.floor(rnd() * 12),
    harmonic: harmonics[Math.floor(rnd() * harmonics.length)],
    maxBpmChangePercent: 3 + Math.floor(rnd() * 8),
    halfDoubleTime: rnd() < 0.5,
    trust: rnd(),
    energy: (['rising', 'falling', 'peak', 'flat', undefined] as const)[Math.floor(rnd() * 5)],
    k: 1 + Math.floor(rnd() * 5),
  })).filter((r) => new Set([r.from, r.to, ...(r.via ?? [])]).size === 2 + (r.via?.length ?? 0));

  it.each(requests.map((r, i) => [i, r] as const))(
    'request %i: observed steps exist, constraints hold, sets differ',
    (_i, req) => {
      const result = planSet(big, req);
      const sets = result.sets.length ? result.sets : (result.relaxation?.sets ?? []);
      const used = result.sets.length ? req : result.relaxation!.request;
      if (!result.sets.length) expect(result.blocked?.message).toBeTruthy();
      const rules = stepRules(used);
      const seen = new Set<string>();
      for (const s of sets) {
        expect(s.tracks).toHaveLength(used.length!);
        expect(new Set(s.tracks).size).toBe(s.tracks.length);
        expect(s.tracks[0]).toBe(used.from);
        expect(s.tracks.at(-1)).toBe(used.to);
        for (const v of used.via ?? []) expect(s.tracks).toContain(v);
        for (const step of s.steps) {
          const u = big.indexOf(step.from);
          const v = big.indexOf(step.to);
          const edge = big.findEdge(u, v);
          if (step.kind === 'observed') expect(edge).toBeGreaterThanOrEqual(0);
          else expect(edge).toBe(-1);
          expect(stepAllowed(big, u, v, rules, step.kind === 'bridge')).toBe(true);
        }
        const key = s.tracks.join(',');
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
      expect(planSet(big, req)).toEqual(result);
    },
  );
});
