import { nearDuplicateScore, parseTrackLine } from '@songnodes/core';
import type { StoredTrack } from '@songnodes/db';
import { describe, expect, it } from 'vitest';
import { keptFirst, nextBatchSize, storedTrackParse } from '../src/index.ts';

const stored = (over: Partial<StoredTrack>): StoredTrack => ({
  id: 1,
  artistName: 'Kay Loom',
  title: 'Horizon',
  version: null,
  versionKind: 'original',
  primaryArtists: ['Kay Loom'],
  featuredArtists: [],
  remixers: [],
  plays: 1,
  artistPlays: 1,
  djs: 1,
  ...over,
});

describe('storedTrackParse', () => {
  it.each([
    ['Kay Loom - Horizon'],
    ['Kay Loom & Mira Vale - Night Drive (Tom Ash Remix)'],
    ['Kay Loom feat. Mira Vale - Sundial (Extended Mix)'],
    ['Kay Loom - Polaris (VIP)'],
  ])('scores a stored track as core scores its parse: %s', (line) => {
    const p = parseTrackLine(line).track;
    const s = storedTrackParse(
      stored({
        artistName: p.primaryArtists.join(' & '),
        title: p.title,
        version: p.version,
        versionKind: p.versionKind,
        primaryArtists: p.primaryArtists,
        featuredArtists: p.featuredArtists,
        remixers: p.remixers,
      }),
    );
    expect(nearDuplicateScore(s, p)).toBe(1);
  });

  it('falls back to the credit when no artist row was stored', () => {
    expect(storedTrackParse(stored({ primaryArtists: [], artistName: '!!!' })).primaryArtists).toEqual([
      '!!!',
    ]);
  });

  it('keeps different remixers apart', () => {
    const a = storedTrackParse(
      stored({ version: 'Tom Ash Remix', versionKind: 'remix', remixers: ['Tom Ash'] }),
    );
    const b = storedTrackParse(
      stored({ version: 'Kay Loom Remix', versionKind: 'remix', remixers: ['Kay Loom'] }),
    );
    expect(nearDuplicateScore(a, b)).toBe(0);
  });
});

describe('keptFirst: the spelling seen most often survives, then the one with more evidence', () => {
  it.each([
    ['more plays', { id: 1, plays: 3 }, { id: 2, plays: 5 }, 2],
    ['more plays, younger', { id: 7, plays: 4 }, { id: 2, plays: 1 }, 7],
    // `Luke Abbott` over `Luke Abbot`: one play each, but the artist spelling is seen more often.
    ['artist spelling seen more', { id: 1, artistPlays: 1 }, { id: 2, artistPlays: 9 }, 2],
    ['more DJs', { id: 1, djs: 1 }, { id: 2, djs: 3 }, 2],
    [
      'plays before artist spelling',
      { id: 1, plays: 2, artistPlays: 2 },
      { id: 2, plays: 1, artistPlays: 50 },
      1,
    ],
    ['all equal: the older', { id: 9, plays: 2 }, { id: 4, plays: 2 }, 4],
  ])('%s', (_why, a, b, kept) => {
    expect(keptFirst(stored(a), stored(b))[0].id).toBe(kept);
    expect(keptFirst(stored(b), stored(a))[0].id).toBe(kept);
  });
});

describe('nextBatchSize: dedupe batches sized to a time budget on the embedded database', () => {
  it.each([
    ['no budget (PostgreSQL): always the most', 50, null, 10, 5000, 50],
    ['nothing measured yet: the most', 50, 40, 0, 0, 50],
    ['8 ms per track, 40 ms budget: 5', 50, 40, 50, 400, 5],
    ['fast tracks: capped at the most', 50, 40, 4, 1, 50],
    ['one track over budget: still one', 50, 40, 1, 300, 1],
  ])('%s', (_why, max, budget, tracks, ms, expected) => {
    expect(nextBatchSize(max, budget, tracks, ms)).toBe(expected);
  });
});
