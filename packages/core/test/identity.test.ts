import { describe, expect, it } from 'vitest';
import { artistKey, trackIdentity } from '../src/identity.ts';
import { AUTO_MERGE, nearDuplicateScore, REVIEW } from '../src/near-duplicate.ts';
import { parseTrackLine } from '../src/track-line.ts';
import { parseTrack } from '../src/track-parse.ts';

const key = (line: string) => trackIdentity(parseTrackLine(line).track)?.key ?? null;
const originalKey = (line: string) => trackIdentity(parseTrackLine(line).track)?.originalKey ?? null;

// Each group: spellings of one track that must share one key.
const SAME: string[][] = [
  [
    'Kilo Brass - Tin Roof',
    'kilo brass - tin roof',
    'KILO BRASS - TIN ROOF',
    'Kilo Brass - Tin Roof (Original Mix)',
    'Kilo Brass - Tin Roof (Extended Mix)',
    'Kilo Brass - Tin Roof (Radio Edit)',
    'Kilo Brass - Tin Roof (Club Mix)',
    'Kilo Brass - Tin Roof (Extended)',
    'Kilo Brass - Tin Roof (Original)',
    'Kilo Brass - Tin Roof - Original Mix',
    '[05] Kilo Brass - Tin Roof [Pale Tide - PT001]',
    '01. Kilo Brass - Tin Roof [Other Label]',
    'Kilo Brass - Tin Roof.',
    'Kilo Brass – Tin Roof',
    'Kilo Brass feat. Lu Vance - Tin Roof',
    'Kilo Brass - Tin Roof (feat. Lu Vance)',
    'Kilo Brass - Tin Roof ft. Someone Else',
    'The Kilo Brass - Tin Roof',
    'DJ Kilo Brass - Tin Roof',
    'Kilo Brass - The Tin Roof',
    'Kilo Brass - Tin-Roof',
    'KiloBrass - TinRoof',
    '+ Kilo Brass - Tin Roof',
    '• Kilo Brass - Tin Roof',
  ],
  [
    'Alba Reyes & Tomo Kint - Sidewalk',
    'Tomo Kint & Alba Reyes - Sidewalk',
    'Alba Reyes and Tomo Kint - Sidewalk',
  ],
  [
    'Alba Reyes, Tomo Kint - Sidewalk',
    'Alba Reyes + Tomo Kint - Sidewalk',
    'Alba Reyes x Tomo Kint - Sidewalk',
  ],
  [
    'Alba Reyes vs. Tomo Kint - Sidewalk',
    'Alba Reyes vs Tomo Kint - Sidewalk',
    'Alba Reyes / Tomo Kint - Sidewalk',
  ],
  ['Above & Below - Tides', 'Above and Below - Tides', 'ABOVE & BELOW - TIDES', 'Above+Below - Tides'],
  ['Mirelle Fürstenau - Sonne', 'Mirelle Furstenau - Sonne', 'MIRELLE FÜRSTENAU - SONNE'],
  ['Røysk - Ære', 'Roysk - Aere'],
  ['Sigur Café - Ólafur', 'Sigur Cafe - Olafur'],
  [
    "Lil' Vance - Rock 'n' Roll",
    'Lil Vance - Rock & Roll',
    'Lil Vance - Rock N Roll',
    'Lil Vance - Rock and Roll',
  ],
  ['D.J. Opal - Shine', 'DJ Opal - Shine', 'Opal - Shine'],
  [
    'Kilo Brass - Tin Roof (Pim Odo Remix)',
    'Kilo Brass - Tin Roof (Pim Odo Mix)',
    'Kilo Brass - Tin Roof [Pim Odo Remix]',
    'Kilo Brass - Tin Roof - Pim Odo Remix',
    'KILO BRASS - TIN ROOF (PIM ODO REMIX)',
    'Kilo Brass - Tin Roof (Pim Odo Rmx)',
    'Kilo Brass - Tin Roof (Remix by Pim Odo)',
    "Kilo Brass - Tin Roof (Pim Odo's Remix)",
    'Kilo Brass feat. Lu Vance - Tin Roof (Pim Odo Remix)',
    'Kilo Brass - Tin Roof (Pim Odo Remix) [Pale Tide]',
    'Kilo Brass - Tin Roof (Pim Odo Remix) (Extended Mix)',
  ],
  [
    'Kilo Brass - Tin Roof (Pim Odo Re-Edit)',
    'Kilo Brass - Tin Roof (Pim Odo Re Edit)',
    'Kilo Brass - Tin Roof (Pim Odo Edit)',
  ],
  [
    'Kilo Brass - Tin Roof (VIP)',
    'Kilo Brass - Tin Roof VIP',
    'Kilo Brass - Tin Roof (VIP Mix)',
    'Kilo Brass - Tin Roof (V.I.P.)',
  ],
  ['Kilo Brass - Tin Roof (Pim Odo & Lu Vance Remix)', 'Kilo Brass - Tin Roof (Lu Vance and Pim Odo Remix)'],
  [
    'Kilo Brass - Tin Roof (Pim Odo Remix)',
    'Kilo Brass - Tin Roof (Pim Odo Extended Remix)',
    'Kilo Brass - Tin Roof (Pim Odo Club Mix)',
    'Kilo Brass - Tin Roof (Pim Odo Version)',
    "Kilo Brass - Tin Roof (Pim Odo's Mix)",
  ],
  ["Kilo Brass - Tin Roof (Pim Odo's Harbour Dub)", 'Kilo Brass - Tin Roof (Pim Odo Harbour Dub)'],
  // `&`/`and` in a title is written, spelled out or lost on the way
  ['Kilo Brass - Hit & Run', 'Kilo Brass - Hit And Run', 'Kilo Brass - Hit Run', 'Kilo Brass - Hit+Run'],
  ['Kilo Brass - &Fate', 'Kilo Brass - Fate'],
  // a numbered version by one maker, however the number is written
  [
    'Kilo Brass - Tin Roof (Pim Odo Mix 2)',
    'Kilo Brass - Tin Roof (Pim Odo Remix #2)',
    'Kilo Brass - Tin Roof (Pim Odo remix 2)',
    'Kilo Brass - Tin Roof (Pim Odo Mix Version 2)',
    'Kilo Brass - Tin Roof (Pim Odo Mix Part II)',
    'Kilo Brass - Tin Roof (Pim Odo Mix Pt. 2)',
  ],
  // a DJ's edit is their edit; underscores for spaces; a bracket opened twice
  [
    'Kilo Brass - Tin Roof (Pim Odo DJ-Edit)',
    'Kilo Brass - Tin Roof (Pim Odo DJ Edit)',
    'Kilo Brass - Tin Roof (Pim Odo Edit)',
  ],
  ['Kilo Brass - Tin Roof (Pim_Odo_Remix)', 'Kilo Brass - Tin Roof (Pim Odo Remix)'],
  ['Kilo Brass - Tin Roof (DJ Pim Odo (Remix)', 'Kilo Brass - Tin Roof (Pim Odo Remix)'],
  // a word an object has by inheritance is no version word: the bracket is part of the title
  ['Kilo Brass - Tin Roof (Constructor)', 'Kilo Brass - Tin Roof Constructor'],
  // an excerpt is a shorter cut of the recording, like a radio edit
  ['Kilo Brass - Tin Roof (Excerpt)', 'Kilo Brass - Tin Roof'],
  // a repaint or reruff is a rework, however hyphenated
  [
    'Kilo Brass - Tin Roof (Pim Odo Repaint)',
    'Kilo Brass - Tin Roof (Pim Odo Re-Paint)',
    'Kilo Brass - Tin Roof (Pim Odo Rework)',
  ],
  [
    'Kilo Brass - Tin Roof (Pim Odo Reruff)',
    'Kilo Brass - Tin Roof (Pim Odo Re-Ruff)',
    'Kilo Brass - Tin Roof (Pim Odo Rework)',
  ],
  // a label whose brackets were typed unevenly, a cue time with fractions of a second
  ['Kilo Brass - Tin Roof [Pale] - Tide]', 'Kilo Brass - Tin Roof [Pale] (Tide)]', 'Kilo Brass - Tin Roof'],
  ['[0:47.00] Kilo Brass - Tin Roof', 'Kilo Brass - Tin Roof'],
  // a base-version name after a named version says which cut of it: the named version decides
  [
    'Kilo Brass - Tin Roof (Pim Odo Re-Cut Club Version)',
    'Kilo Brass - Tin Roof (Pim Odo Recut)',
    "Kilo Brass - Tin Roof (Pim Odo's Re-Cut)",
  ],
  [
    'Kilo Brass - Tin Roof (Pim Odo Remix Extended)',
    'Kilo Brass - Tin Roof (Pim Odo Remix Radio Edit)',
    'Kilo Brass - Tin Roof (Pim Odo Remix)',
  ],
  ['Kilo Brass - Tin Roof (Pim Odo Dub Club Mix)', 'Kilo Brass - Tin Roof (Pim Odo Dub)'],
];

// Pairs that must NOT share a key.
const DIFFERENT: [string, string][] = [
  ['Kilo Brass - Tin Roof', 'Kilo Brass - Tin Roof (Pim Odo Remix)'],
  ['Kilo Brass - Tin Roof (Pim Odo Remix)', 'Kilo Brass - Tin Roof (Lu Vance Remix)'],
  ['Kilo Brass - Tin Roof (Pim Odo Remix)', 'Kilo Brass - Tin Roof (Pim Odo Dub)'],
  ['Kilo Brass - Tin Roof (Pim Odo Remix)', 'Kilo Brass - Tin Roof (Pim Odo Edit)'],
  ['Kilo Brass - Tin Roof (Pim Odo Remix)', 'Kilo Brass - Tin Roof (Pim Odo Vocal Mix)'],
  ['Kilo Brass - Tin Roof', 'Kilo Brass - Tin Roof (VIP)'],
  ['Kilo Brass - Tin Roof', 'Kilo Brass - Tin Roof (Dub)'],
  ['Kilo Brass - Tin Roof', 'Kilo Brass - Tin Roof (Live)'],
  ['Kilo Brass - Tin Roof', 'Kilo Brass - Tin Roof (Remix)'],
  ['Kilo Brass - Tin Roof (Instrumental)', 'Kilo Brass - Tin Roof (Acapella)'],
  ['Kilo Brass - Tin Roof (Pim Odo Bootleg)', 'Kilo Brass - Tin Roof (Pim Odo Rework)'],
  ['Kilo Brass - Tin Roof', 'Kilo Brass - Tin Roof (Pim Odo Mashup)'],
  ['Kilo Brass - Tin Roof', 'Lu Vance - Tin Roof'],
  ['Kilo Brass - Tin Roof', 'Kilo Brass & Lu Vance - Tin Roof'],
  ['Kilo Brass - Tin Roof', 'Kilo Brass - Tin Roofs'],
  ['Kilo Brass - Tin Roof Part 1', 'Kilo Brass - Tin Roof Part 2'],
  ['Kilo Brass - Tin Roof (Let It Rain)', 'Kilo Brass - Tin Roof'],
  ['Kilo Brass - Tin Roof', 'Kilo Brass - Tin Roof vs. Nova Drift - Glass Harbour'],
  ['Kilo Brass - Tin Roof (Version)', 'Kilo Brass - Tin Roof (Pim Odo Version)'],
  ['Kilo Brass - Tin Roof (Pim Odo Dub Mix)', 'Kilo Brass - Tin Roof (Pim Odo Club Mix)'],
  ['Kilo Brass - Tin Roof (Pim Odo Instrumental Mix)', 'Kilo Brass - Tin Roof (Pim Odo Mix)'],
  ['Kilo Brass - Tin Roof (Pim Odo Acapella Remix)', 'Kilo Brass - Tin Roof (Pim Odo Remix)'],
  // `and` is dropped as a word of its own only: `Android` is no `Droid`, `Sand` no `S`
  ['Kilo Brass - Android', 'Kilo Brass - Droid'],
  ['Kilo Brass - Rock And Roll', 'Kilo Brass - Rock'],
  // numbered versions of one maker stay apart, from each other and from the unnumbered one
  ['Kilo Brass - Tin Roof (Pim Odo Mix 2)', 'Kilo Brass - Tin Roof (Pim Odo Mix 1)'],
  ['Kilo Brass - Tin Roof (Pim Odo Mix 2)', 'Kilo Brass - Tin Roof (Pim Odo Mix)'],
  ['Kilo Brass - Tin Roof (Pim Odo Mix Part II)', 'Kilo Brass - Tin Roof (Pim Odo Mix Part I)'],
  ['Kilo Brass - Tin Roof (Remix 2)', 'Kilo Brass - Tin Roof (Remix)'],
  ['Kilo Brass - Tin Roof (Pim Odo Edit 2)', 'Kilo Brass - Tin Roof (Pim Odo Mix 2)'],
  ['Kilo Brass - Tin Roof', 'Kilo Brass - Tin Roof (Pim Odo Repaint)'],
  ['Kilo Brass - Tin Roof (Pim Odo Reruff)', 'Kilo Brass - Tin Roof (Pim Odo Remix)'],
  // …and a base-version name after a version word does not turn it into another kind
  ['Kilo Brass - Tin Roof (Pim Odo Dub Club Mix)', 'Kilo Brass - Tin Roof (Pim Odo Club Mix)'],
  ['Kilo Brass - Tin Roof (Pim Odo Edit Extended Version)', 'Kilo Brass - Tin Roof (Pim Odo Remix)'],
];

describe('trackIdentity', () => {
  it.each(SAME.map((group) => [group[0]!, group] as const))(
    'one key for every spelling of %j',
    (_first, group) => {
      const keys = group.map(key);
      expect(keys[0]).not.toBeNull();
      for (let i = 0; i < group.length; i++) expect([group[i], keys[i]]).toEqual([group[i], keys[0]]);
    },
  );

  it.each(DIFFERENT)('%j ≠ %j', (a, b) => {
    expect(key(a)).not.toBeNull();
    expect(key(b)).not.toBeNull();
    expect(key(a)).not.toBe(key(b));
  });

  it('links a remix to its original through originalKey', () => {
    const original = key('Kilo Brass - Tin Roof (Original Mix)');
    expect(originalKey('Kilo Brass - Tin Roof (Pim Odo Remix)')).toBe(original);
    expect(originalKey('Kilo Brass - Tin Roof (VIP)')).toBe(original);
    expect(originalKey('Kilo Brass - Tin Roof')).toBe(original);
  });

  it.each([
    'ID - ID',
    'ID',
    '?',
    'Unknown',
    'Kilo Brass - ID',
    'Kilo Brass - Tin Roof (ID Remix)',
    'Tin Roof',
    '',
  ])('is null for the unknown entry %j', (line) => {
    expect(key(line)).toBeNull();
  });

  it('gives field-based sources the same key as raw strings', () => {
    const fromFields = trackIdentity(
      parseTrack({ artist: 'Kilo Brass', title: 'Tin Roof', version: 'Pim Odo Remix' }),
    );
    expect(fromFields?.key).toBe(key('Kilo Brass - Tin Roof (Pim Odo Remix)'));
    const remixerField = trackIdentity(
      parseTrack({ artist: 'Kilo Brass', title: 'Tin Roof', remixer: 'Pim Odo' }),
    );
    expect(remixerField?.key).toBe(key('Kilo Brass - Tin Roof (Pim Odo Remix)'));
    const base = trackIdentity(
      parseTrack({ artist: 'Kilo Brass', title: 'Tin Roof', version: 'Extended Mix' }),
    );
    expect(base?.key).toBe(key('Kilo Brass - Tin Roof'));
  });

  it.each([
    ['The Cure Collective', 'Cure Collective'],
    ['DJ Opal', 'Opal'],
    ['Mirelle Fürstenau', 'mirelle furstenau'],
    ['8 Bit Club', '8Bit Club'],
  ])('artistKey(%j) = artistKey(%j)', (a, b) => {
    expect(artistKey(a)).toBe(artistKey(b));
  });
});

describe('nearDuplicateScore', () => {
  const score = (a: string, b: string) => nearDuplicateScore(parseTrack({ raw: a }), parseTrack({ raw: b }));

  it.each([
    ['Kilo Brass - Horizon', 'Kilo Brass - Horizons'],
    ['Kilo Brass - Magnetic Impuls', 'Kilo Brass - Magnetic Impulse'],
    ['Kilo Brass - Acid Trak', 'Kilo Brass - Acid Track'],
    ['Kilo Brass & Lu Vance - Tin Roof', 'Kilo Brass feat. Lu Vance - Tin Roof'],
    ['Kilo & Vance - Tin Roof', 'Kilo Vance - Tin Roof'],
    ['Kilo Brass & Lu Vancee - Tin Roof (Pim Odo Remix)', 'Kilo Brass & Lu Vance - Tin Roof (Pim Odo Remix)'],
  ])('merges typo-level differences: %j ~ %j', (a, b) => {
    expect(score(a, b)).toBeGreaterThanOrEqual(AUTO_MERGE);
    expect(score(b, a)).toBeCloseTo(score(a, b), 10);
  });

  it.each([
    ['Kilo Brass - Tin Roof', 'Kilo Brass - Tin Roof (Pim Odo Remix)'],
    ['Kilo Brass - Tin Roof (Pim Odo Remix)', 'Kilo Brass - Tin Roof (Lu Vance Remix)'],
    ['Kilo Brass - Tin Roof (Pim Odo Remix)', 'Kilo Brass - Tin Roof (Pim Odo Dub)'],
    ['Kilo Brass - Horizon', 'Nova Drift - Horizon'],
    ['Kilo - Horizon', 'Kiko - Horizon'],
    ['Kilo Brass - Tin Roof Part 1', 'Kilo Brass - Tin Roof Part 2'],
    ['Kilo Brass - Tin Roof Part I', 'Kilo Brass - Tin Roof Part II'],
    ['Kilo Brass - Option21', 'Kilo Brass - Option22'],
    ['Kilo Brass - Raging', 'Kilo Brass - Raging Storm'],
    ['Kilo Brass - Tin Roof', 'ID - ID'],
    ['Kilo Brass - ID', 'Kilo Brass - ID'],
  ])('never merges %j and %j', (a, b) => {
    expect(score(a, b)).toBeLessThan(REVIEW);
  });

  it('scores identical identities 1 and lists near misses for review', () => {
    expect(score('Kilo Brass - Tin Roof', 'KILO BRASS - TIN ROOF (Original Mix)')).toBe(1);
    const s = score('Kilo Brass - Detox', 'Kilo Brass - Retox');
    expect(s).toBeGreaterThanOrEqual(REVIEW);
    expect(s).toBeLessThan(AUTO_MERGE);
  });

  it('keeps the thresholds ordered', () => {
    expect(REVIEW).toBeLessThan(AUTO_MERGE);
    expect(AUTO_MERGE).toBeLessThanOrEqual(1);
  });
});

describe('a remix named by its maker alone', () => {
  it('has the key of the same remix written with its kind word', () => {
    const ctx = { isArtist: (name: string) => name === 'Pim Odo' };
    const bare = trackIdentity(parseTrackLine('Kilo Brass - Tin Roof (Pim Odo)', ctx).track)?.key;
    expect(bare).toBe(key('Kilo Brass - Tin Roof (Pim Odo Remix)'));
    expect(bare).not.toBe(key('Kilo Brass - Tin Roof'));
  });

  it('is read so when every maker named in the bracket is a known artist', () => {
    const ctx = { isArtist: (name: string) => ['Pim Odo', 'Lu Vance'].includes(name) };
    const both = trackIdentity(parseTrackLine('Kilo Brass - Tin Roof (Pim Odo & Lu Vance)', ctx).track)?.key;
    expect(both).toBe(key('Kilo Brass - Tin Roof (Pim Odo & Lu Vance Remix)'));
  });
});

describe('a credit whose joiner was lost, with collaborations known from the data', () => {
  const ctx = {
    isArtist: (name: string) => ['Alba Reyes', 'Tomo Kint'].includes(name),
    isCollaboration: (names: readonly string[]) => [...names].sort().join('+') === 'Alba Reyes+Tomo Kint',
  };
  const keyIn = (line: string) => trackIdentity(parseTrackLine(line, ctx).track)?.key;

  it('has the key of the credit written with its joiner', () => {
    expect(keyIn('Alba Reyes Tomo Kint - Sidewalk')).toBe(key('Alba Reyes & Tomo Kint - Sidewalk'));
  });

  it('stays one name without a known collaboration', () => {
    expect(key('Alba Reyes Tomo Kint - Sidewalk')).not.toBe(key('Alba Reyes & Tomo Kint - Sidewalk'));
    expect(keyIn('Alba Kint - Sidewalk')).toBe(key('Alba Kint - Sidewalk'));
  });
});
