import { parseTrackLine } from '@songnodes/core';
import { describe, expect, it } from 'vitest';
import {
  cleanerKey,
  cleanerTruth,
  evaluateIdentity,
  learnedArtists,
  naiveKey,
  pairDifference,
  pairwiseMetrics,
  truthByRules,
  versionKindOf,
} from '../src/eval-identity.ts';

describe('pairwiseMetrics', () => {
  it('counts pairs on a hand-made example', () => {
    // truth: {0,1,2} {3,4} {5}; predicted: {0,1} {2,3,4} {5}
    const truth = ['a', 'a', 'a', 'b', 'b', 'c'];
    const predicted = ['x', 'x', 'y', 'y', 'y', 'z'];
    const m = pairwiseMetrics(predicted, truth);
    // predicted pairs: 1 + 3 = 4; true pairs: 3 + 1 = 4; correct: (0,1) and (3,4) = 2
    expect(m).toEqual({ precision: 0.5, recall: 0.5, predictedPairs: 4, truePairs: 4, correctPairs: 2 });
  });

  it('is perfect for identical clusterings and 1 when there are no pairs', () => {
    expect(pairwiseMetrics(['p', 'p', 'q'], ['a', 'a', 'b'])).toMatchObject({ precision: 1, recall: 1 });
    expect(pairwiseMetrics(['p', 'q'], ['a', 'b'])).toMatchObject({ precision: 1, recall: 1, truePairs: 0 });
  });

  it('punishes merging everything and splitting everything', () => {
    const truth = ['a', 'a', 'b', 'b'];
    expect(pairwiseMetrics(['x', 'x', 'x', 'x'], truth)).toMatchObject({ precision: 2 / 6, recall: 1 });
    expect(pairwiseMetrics(['1', '2', '3', '4'], truth)).toMatchObject({ precision: 1, recall: 0 });
  });

  it('rejects label lists of different lengths', () => {
    expect(() => pairwiseMetrics(['x'], [])).toThrow();
  });
});

describe('evaluateIdentity on made-up mixes', () => {
  const mixes = [
    {
      id: 'm1',
      tracklist: [
        { id: 'yt1', title: '[00] Kilo Brass - Tin Roof [Pale Tide - PT001]' },
        { id: 'yt2', title: '[05] Kilo Brass - Tin Roof (Pim Odo Remix)' },
        { id: null, title: '[09] Nova Drift - Glass Harbour' },
        { id: 'yt9', title: '[12] ID - ID' },
      ],
    },
    {
      id: 'm2',
      tracklist: [
        { id: 'yt1', title: 'Kilo Brass - Tin Roof (Extended Mix)' },
        { id: 'yt2', title: 'Kilo Brass - Tin Roof (Pim Odo Mix) [Other]' },
        { id: 'yt3', title: 'Lu Vance - Horizons' },
        { id: 'yt3', title: 'Lu Vance - Horizon' },
      ],
    },
  ];

  it('skips entries without YouTube id or with an unknown track, and merges near-duplicates', () => {
    const result = evaluateIdentity(mixes);
    expect(result.entries).toBe(6);
    expect(result.keys).toMatchObject({ precision: 1, truePairs: 3, correctPairs: 2 });
    expect(result.keysAndNearDuplicates).toMatchObject({ precision: 1, recall: 1 });
    // The naive key keeps "(Extended Mix)" and "(Pim Odo Mix)" apart from their other spellings.
    expect(result.naive.recall).toBe(0);
    expect(result.missedPairs).toEqual({ 'title spelling': 1 });
  });

  it('naiveKey drops square-bracketed parts and punctuation, keeps round brackets', () => {
    expect(naiveKey('[05] Kilo Brass - Tin Roof (Pim Odo Remix) [Pale Tide]')).toBe(
      'kilo brass tin roof pim odo remix',
    );
  });

  it.each([
    ['Kilo Brass - Tin Roof', 'KILO BRASS - TIN ROOF', 'same text (case/diacritics aside)'],
    ['Kilo Brass - Tin-Roof', 'Kilo Brass - Tin Roof', 'punctuation or spacing'],
    ['Kilo Brass - Tin Roof', 'Kilo Brass feat. Lu Vance - Tin Roof', 'featured artists'],
    [
      'Kilo Brass - Tin Roof',
      'Kilo Brass - Tin Roof (Extended Mix)',
      'base-version name or artist order/joiners',
    ],
    ['Kilo Brass - Tin Roof', 'Kilo Brass - Tin Roof (Pim Odo Remix)', 'original vs a named version'],
    ['Kilo Brass - Tin Roof (Lu Remix)', 'Kilo Brass - Tin Roof (Pim Odo Remix)', 'different version names'],
    ['Kilo Brass - Tin Roof', 'Kilo Brass - Tin Roofs', 'title spelling'],
    ['Kilo Brass - Tin Roof', 'Kilo Brasss - Tin Roof', 'artist credit'],
  ])('pairDifference(%j, %j) = %j', (a, b, expected) => {
    expect(pairDifference(parseTrackLine(a), parseTrackLine(b))).toBe(expected);
  });
});

describe('the cleaner truth', () => {
  it.each([
    ['[05] Kilo Brass - Tin Roof [Pale Tide - PT001]', 1, 'kilo brass tin roof'],
    ['KILO BRASS - Tin-Roof!', 1, 'kilo brass tin roof'],
    ['Kilo Brass - Tin Roof (Extended Mix)', 1, 'kilo brass tin roof extended mix'],
    ['Kilo Brass - Tin Roof (Extended Mix)', 2, 'kilo brass tin roof'],
    ['Kilo Brass feat. Lu Vance - Tin Roof (Original Mix)', 2, 'kilo brass tin roof'],
    ['Kilo Brass - Tin Roof (feat. Lu Vance)', 2, 'kilo brass tin roof'],
    ['Lu Vance & Kilo Brass - Tin Roof', 2, 'kilo brass lu vance tin roof'],
    ['Kilo Brass - Tin Roof (Pim Odo Remix)', 2, 'kilo brass tin roof pim odo remix'],
  ] as const)('cleanerKey(%j, %i) = %j', (line, level, expected) => {
    expect(cleanerKey(line, level)).toBe(expected);
  });

  it('joins the YouTube ids of equal lines, and only those', () => {
    const youtube = ['yt1', 'yt2', 'yt3', 'yt4'];
    const lines = [
      'Kilo Brass - Tin Roof',
      '[05] kilo brass - tin roof [Label]',
      'Kilo Brass - Tin Roof (Extended Mix)',
      'Kilo Brass - Tin Roof (Pim Odo Remix)',
    ];
    const l1 = cleanerTruth(youtube, lines, 1);
    expect(l1[0]).toBe(l1[1]);
    expect(new Set(l1).size).toBe(3);
    const l2 = cleanerTruth(youtube, lines, 2);
    expect(new Set(l2.slice(0, 3)).size).toBe(1);
    expect(l2[3]).not.toBe(l2[0]);
  });

  it('reports every method against each truth', () => {
    const result = evaluateIdentity([
      {
        id: 'm',
        tracklist: [
          { id: 'a', title: 'Kilo Brass - Tin Roof' },
          { id: 'b', title: 'Kilo Brass - Tin Roof (Original Mix)' },
        ],
      },
    ]);
    // Two uploads of one recording: YouTube ids call our join false, the cleaner truth level 2 does not.
    expect(result.keys.precision).toBe(0);
    expect(result.cleaner.level1.keys.precision).toBe(0);
    expect(result.cleaner.level2.keys).toMatchObject({ precision: 1, recall: 1 });
  });
});

describe('the cleaner truth split where our rules see different recordings', () => {
  it.each([
    ['Kilo Brass - Tin Roof', ''],
    ['Kilo Brass - Tin Roof (Extended Mix) [Pale Tide]', ''],
    ['Kilo Brass - Tin Roof (Pim Odo Club Mix)', 'remix'],
    ['Kilo Brass - Tin Roof (Pim Odo Version)', 'remix'],
    ['Kilo Brass - Tin Roof - Pim Odo Remix', 'remix'],
    ['Kilo Brass - Tin Roof (Pim Odo Re-Edit)', 'edit'],
    ['Kilo Brass - Tin Roof (Pim Odo Dub Mix)', 'dub'],
    ['Kilo Brass - Tin Roof (Pim Odo VIP Mix)', 'vip'],
    ['Kilo Brass - Tin Roof (Pim Odo Remake)', 'rework'],
    ['Kilo Brass - Tin Roof (Pim Odo Bootleg)', 'mashup'],
    // words of the title count too, but both lines of a pair carry them
    ['Kilo Brass - Dub Harbour', 'dub'],
  ])('versionKindOf(%j) = %j', (line, kind) => {
    expect(versionKindOf(line)).toBe(kind);
  });

  it('splits an original from its remix and an edit from a remix, keeps `(Maker)` with `(Maker Remix)`', () => {
    const lines = [
      'Kilo Brass - Tin Roof',
      'Kilo Brass - Tin Roof (Pim Odo Remix)',
      'Kilo Brass - Tin Roof (Pim Odo)',
      'Kilo Brass - Tin Roof (Pim Odo Edit)',
      'Kilo Brass - Tin Roof (Extended Mix)',
    ];
    const split = truthByRules(['t', 't', 't', 't', 't'], lines);
    expect(split[0]).toBe(split[4]);
    expect(split[1]).toBe(split[2]);
    expect(new Set(split).size).toBe(3);
    // `(Remix)` names no maker: the line without it stays the original.
    const anonymous = truthByRules(
      ['t', 't'],
      ['Kilo Brass - Tin Roof (Remix)', 'Kilo Brass - Tin Roof [Pale]'],
    );
    expect(anonymous[0]).not.toBe(anonymous[1]);
    // Different clusters never meet, whatever their kinds.
    expect(truthByRules(['t', 'u'], ['Kilo Brass - Tin Roof', 'Kilo Brass - Tin Roof'])).toEqual([
      't\u0000',
      'u\u0000',
    ]);
  });

  it('counts the pairs it leaves out and measures every method against it', () => {
    const result = evaluateIdentity([
      {
        id: 'm',
        tracklist: [
          // one upload linked to an original and to a remix: the rules call them two recordings
          { id: 'a', title: 'Kilo Brass - Tin Roof' },
          { id: 'a', title: 'Kilo Brass - Tin Roof (Pim Odo Remix)' },
          { id: 'a', title: 'Kilo Brass - Tin Roof (Extended Mix)' },
          { id: 'b', title: 'Lu Vance - Horizon (Good Times)' },
          { id: 'b', title: 'Lu Vance - Horizon' },
        ],
      },
    ]);
    expect(result.cleaner.level2.keys.truePairs).toBe(4);
    expect(result.pairsDifferentByRules).toBe(2);
    expect(result.cleaner.level2ByRules.keys).toMatchObject({ truePairs: 2, correctPairs: 1, precision: 1 });
    // The subtitle pair is only listed for review: merged only when every review is accepted.
    expect(result.cleaner.level2ByRules.keysAndNearDuplicates.recall).toBe(0.5);
    expect(result.cleaner.level2ByRules.keysAndReviewAccepted.recall).toBe(1);
    expect(result.cleanerMissedPairs).toEqual({ 'original vs a named version': 2, 'title spelling': 1 });
  });
});

describe('learnedArtists', () => {
  it('knows names credited as a primary artist twice or more', () => {
    const ctx = learnedArtists([
      {
        id: 'm',
        tracklist: [
          { id: null, title: 'Pim Odo - Sundial' },
          { id: null, title: 'Pim Odo & Lu Vance - Horizon' },
          { id: null, title: 'Kilo Brass - Tin Roof (Pim Odo)' },
        ],
      },
    ]);
    expect(ctx.isArtist!('Pim Odo')).toBe(true);
    expect(ctx.isArtist!('PIM ODO')).toBe(true);
    expect(ctx.isArtist!('Lu Vance')).toBe(false);
  });

  it('counts remixer credits too, and knows who was credited together', () => {
    const ctx = learnedArtists([
      {
        id: 'm',
        tracklist: [
          { id: null, title: 'Kilo Brass - Tin Roof (Lu Vance Remix)' },
          { id: null, title: 'Pim Odo & Lu Vance - Horizon' },
        ],
      },
    ]);
    expect(ctx.isArtist!('Lu Vance')).toBe(true);
    expect(ctx.isArtist!('Pim Odo')).toBe(false);
    expect(ctx.isCollaboration!(['Lu Vance', 'Pim Odo'])).toBe(true);
    expect(ctx.isCollaboration!(['Lu Vance', 'Kilo Brass'])).toBe(false);
  });
});
