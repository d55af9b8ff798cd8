import { describe, expect, it } from 'vitest';
import type { PlannedSet, PlanStep } from '../src/api/types.ts';
import {
  DEFAULT_PLANNER,
  editedSteps,
  editFits,
  gradeStep,
  moveTrack,
  newPairs,
  ordersFromParams,
  ordersToParams,
  type PairEvidence,
  pairKey,
  pinAt,
  plannerFromParams,
  plannerToParams,
  planRequest,
  setCurves,
  swapTrack,
  undescribed,
} from '../src/planner-state.ts';

const step = (over: Partial<PlanStep>): PlanStep => ({
  from: 1,
  to: 2,
  kind: 'observed',
  count: 1,
  sets: 1,
  djs: 1,
  probability: 0.5,
  evidence: 1,
  key: { from: '8A', to: '9A', relation: 'adjacent', score: 0.9 },
  bpm: { from: 124, to: 125, changePercent: 0.8, matchedAt: null },
  text: '',
  position: 2,
  cost: 1,
  ...over,
});

describe('planner state', () => {
  it('round-trips through the URL and leaves defaults out', () => {
    const s = {
      ...DEFAULT_PLANNER,
      from: 76,
      to: 509,
      via: [12, 13],
      length: 12,
      harmonic: 'relative' as const,
      trust: 0.4,
    };
    const params = plannerToParams(s);
    expect(params).toMatchObject({
      from: '76',
      to: '509',
      via: '12,13',
      length: '12',
      harmonic: 'relative',
      trust: '0.4',
    });
    expect(params.k).toBeUndefined();
    const back = plannerFromParams(
      new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined) as [string, string][]),
    );
    expect(back).toEqual(s);
  });

  it('falls back to defaults for values out of range', () => {
    const s = plannerFromParams(
      new URLSearchParams('from=-3&to=x&length=1&harmonic=loud&trust=2&k=9&maxBpmChange=0'),
    );
    expect(s).toEqual(DEFAULT_PLANNER);
  });

  it('asks for what is missing before planning', () => {
    expect(planRequest(DEFAULT_PLANNER)).toEqual({ missing: 'Pick the first track.' });
    expect(planRequest({ ...DEFAULT_PLANNER, from: 1 })).toEqual({ missing: 'Pick the last track.' });
    expect(planRequest({ ...DEFAULT_PLANNER, from: 1, to: 1 })).toMatchObject({
      missing: expect.stringMatching(/same/),
    });
    expect(planRequest({ ...DEFAULT_PLANNER, from: 1, to: 2, via: [3, 4], length: 3 })).toMatchObject({
      missing: expect.stringMatching(/cannot hold/),
    });
    expect(planRequest({ ...DEFAULT_PLANNER, from: 1, to: 2 })).toEqual({
      request: { from: 1, to: 2, length: 10, harmonic: 'any', maxBpmChange: 6, trust: 0.7, k: 3 },
    });
    expect(
      planRequest({
        ...DEFAULT_PLANNER,
        from: 1,
        to: 2,
        energy: 'rising',
        halfDoubleTime: true,
        allowBridges: false,
      }),
    ).toMatchObject({ request: { energy: 'rising', halfDoubleTime: true, allowBridges: false } });
  });

  it('grades steps by their evidence and flags key clashes', () => {
    expect(gradeStep(step({ djs: 3, count: 4 }))).toEqual({
      grade: 'strong',
      label: 'seen 4× by 3 DJs',
      clash: false,
    });
    expect(gradeStep(step({}))).toEqual({ grade: 'observed', label: 'seen 1× by 1 DJ', clash: false });
    expect(
      gradeStep(
        step({
          kind: 'bridge',
          count: 0,
          djs: 0,
          key: { from: '8A', to: '3B', relation: 'clash', score: 0 },
        }),
      ),
    ).toEqual({ grade: 'bridge', label: 'compatible bridge, never seen in a set', clash: true });
  });

  it('reads BPM and key curves from the steps, keeping unknowns unknown', () => {
    const set: PlannedSet = {
      tracks: [1, 2, 3],
      steps: [
        step({
          bpm: { from: 124, to: null, changePercent: null, matchedAt: null },
          key: { from: '8A', to: null, relation: null, score: null },
        }),
        step({
          bpm: { from: null, to: 126, changePercent: null, matchedAt: null },
          key: { from: null, to: '9A', relation: null, score: null },
        }),
      ],
      totals: {
        cost: 2,
        observedSteps: 2,
        bridges: 0,
        evidence: 2,
        meanKeyScore: null,
        maxBpmChangePercent: null,
      },
    };
    expect(setCurves(set)).toEqual({ bpm: [124, null, 126], key: ['8A', null, '9A'] });
  });
});

describe('pinning a track of a planned set', () => {
  const set = [1, 2, 3, 4, 5, 6];
  it('adds it as a waypoint in set order, keeping the others', () => {
    expect(pinAt([], set, 2, 3)).toEqual([3]);
    expect(pinAt([4], set, 2, 9)).toEqual([9, 4]);
    expect(pinAt([2, 5], set, 3, 9)).toEqual([2, 9, 5]);
  });
  it('swaps out the waypoint that stood there', () => {
    expect(pinAt([3], set, 2, 9)).toEqual([9]);
  });
  it('never pins the first or last track', () => {
    expect(pinAt([3], set, 0, 9)).toEqual([3]);
    expect(pinAt([3], set, 5, 9)).toEqual([3]);
  });
});

describe("editing a planned set: the user's own order", () => {
  it('moves a track to another place; the first and last stay locked', () => {
    expect(moveTrack([1, 2, 3, 4, 5], 1, 3)).toEqual([1, 3, 4, 2, 5]);
    expect(moveTrack([1, 2, 3, 4, 5], 3, 1)).toEqual([1, 4, 2, 3, 5]);
    expect(moveTrack([1, 2, 3, 4, 5], 0, 2)).toEqual([1, 2, 3, 4, 5]);
    expect(moveTrack([1, 2, 3, 4, 5], 2, 4)).toEqual([1, 2, 3, 4, 5]);
    expect(moveTrack([1, 2, 3, 4, 5], 4, 1)).toEqual([1, 2, 3, 4, 5]);
  });

  it('swaps a track in place, never an end and never for a track already in the set', () => {
    expect(swapTrack([1, 2, 3, 4], 2, 9)).toEqual([1, 2, 9, 4]);
    expect(swapTrack([1, 2, 3, 4], 0, 9)).toEqual([1, 2, 3, 4]);
    expect(swapTrack([1, 2, 3, 4], 3, 9)).toEqual([1, 2, 3, 4]);
    expect(swapTrack([1, 2, 3, 4], 1, 3)).toEqual([1, 2, 3, 4]);
  });

  // Planned 1 → 2 → 3 → 4; the user moves 3 before 2: 1 → 3 → 2 → 4.
  const planned = [
    step({ from: 1, to: 2, key: { from: '8A', to: '9A', relation: 'adjacent', score: 0.9 }, position: 1 }),
    step({
      from: 2,
      to: 3,
      djs: 3,
      count: 4,
      key: { from: '9A', to: '3B', relation: 'clash', score: 0 },
      bpm: { from: 125, to: 126, changePercent: 0.8, matchedAt: null },
      position: 2,
    }),
    step({
      from: 3,
      to: 4,
      key: { from: '3B', to: null, relation: null, score: null },
      bpm: { from: 126, to: null, changePercent: null, matchedAt: null },
      position: 3,
    }),
  ];

  it('lists the pairs no step describes, which need their evidence fetched', () => {
    expect(newPairs([1, 3, 2, 4], planned)).toEqual([
      [1, 3],
      [3, 2],
      [2, 4],
    ]);
    expect(newPairs([1, 2, 3, 4], planned)).toEqual([]);
  });

  it('re-grades an edited order: seen pairs by their evidence, others as never seen, unknowns unknown', () => {
    const evidence = new Map<string, PairEvidence>([
      [pairKey(1, 3), { count: 2, sets: 2, djs: 2 }],
      [pairKey(3, 2), null],
    ]);
    const steps = editedSteps([1, 3, 2, 4], planned, evidence, false);
    // 1 → 3: seen by 2 DJs; keys 8A → 3B clash; 124 → 126 BPM.
    expect(steps[0]).toMatchObject({ from: 1, to: 3, kind: 'observed', count: 2, djs: 2 });
    expect(steps[0]!.key).toEqual({ from: '8A', to: '3B', relation: 'clash', score: 0 });
    expect(steps[0]!.bpm.changePercent).toBe(1.61);
    expect(gradeStep(steps[0]!)).toMatchObject({ grade: 'strong', clash: true });
    // 3 → 2: nobody played it (the user's order, not a planner bridge), and 3B → 9A clashes.
    expect(gradeStep(steps[1]!)).toEqual({
      grade: 'unseen',
      label: 'never seen in a set (your order)',
      clash: true,
    });
    expect(steps[1]!.key.relation).toBe('clash');
    // 2 → 4: not fetched yet; and track 4's key and BPM are unknown, so they stay unknown.
    expect(steps[2]).toBeNull();
    const later = editedSteps([1, 3, 2, 4], planned, new Map([...evidence, [pairKey(2, 4), null]]), false);
    expect(later[2]!.key).toEqual({ from: '9A', to: null, relation: null, score: null });
    expect(later[2]!.bpm.changePercent).toBeNull();
  });

  it('keeps the planned description of a pair the planner chose', () => {
    const steps = editedSteps([1, 2, 3, 4], planned, new Map(), false);
    expect(steps.map((s) => s?.position)).toEqual([1, 2, 3]);
    expect(gradeStep(steps[1]!).grade).toBe('strong');
  });

  it('describes a swapped-in track from its track page when no step does', () => {
    expect(undescribed([1, 9, 3, 4], planned)).toEqual([9]);
    const more = new Map([[9, { bpm: 124, key: '8A' }]]);
    const steps = editedSteps(
      [1, 9, 3, 4],
      planned,
      new Map([
        [pairKey(1, 9), null],
        [pairKey(9, 3), null],
      ]),
      false,
      more,
    );
    // 1 (8A, 124) → 9 (8A, 124): same key, no tempo change; never played.
    expect(steps[0]!.key).toEqual({ from: '8A', to: '8A', relation: 'same', score: 1 });
    expect(steps[0]!.bpm.changePercent).toBe(0);
    expect(gradeStep(steps[0]!).grade).toBe('unseen');
  });

  it('keeps edited orders in the URL, one per alternative, and drops a malformed one', () => {
    const params = ordersToParams(new Map([[1, [4, 6, 5, 7]]]));
    expect(params).toEqual({
      order0: undefined,
      order1: '4,6,5,7',
      order2: undefined,
      order3: undefined,
      order4: undefined,
    });
    expect(ordersFromParams(new URLSearchParams('order1=4,6,5,7&order0=4,x,7&order2=5'))).toEqual(
      new Map([[1, [4, 6, 5, 7]]]),
    );
  });

  it('applies an edited order from a link only to a plan it is an edit of', () => {
    const set = { tracks: [1, 2, 3, 4], steps: planned } as unknown as PlannedSet;
    expect(editFits([1, 3, 2, 4], set)).toBeNull();
    expect(editFits([1, 3, 4], set)).toBe('The edited order in the link has 3 tracks, this plan 4.');
    expect(editFits([2, 1, 3, 4], set)).toBe(
      'The edited order in the link starts or ends elsewhere than this plan.',
    );
    expect(editFits([1, 3, 3, 4], set)).toBe('The edited order in the link has a track twice.');
  });
});
