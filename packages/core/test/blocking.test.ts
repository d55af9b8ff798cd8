import { describe, expect, it } from 'vitest';
import { BlockIndex, type BlockingTrack, isCandidatePair } from '../src/blocking.ts';
import { artistKey, titleKey } from '../src/identity.ts';
import { trigramSimilarity } from '../src/similarity.ts';

let nextId = 1;
/** A track from a credit and a title as a person would type them, keyed the way ingest keys them. */
const track = (
  artists: string[],
  title: string,
  more: Partial<Pick<BlockingTrack, 'versionKind' | 'isMashup'>> & { featured?: string[] } = {},
): BlockingTrack => ({
  id: nextId++,
  titleKey: titleKey(title),
  versionKind: more.versionKind ?? 'original',
  isMashup: more.isMashup ?? false,
  primaryKeys: artists.map(artistKey),
  featuredKeys: (more.featured ?? []).map(artistKey),
});

describe('trigramSimilarity', () => {
  it('counts trigrams as pg_trgm does for one word', () => {
    // pg_trgm: similarity('horizon', 'horizons') = 0.7 (7 shared of 10).
    expect(trigramSimilarity('horizon', 'horizons')).toBeCloseTo(0.7, 6);
    expect(trigramSimilarity('abc', 'abc')).toBe(1);
    expect(trigramSimilarity('abc', 'xyz')).toBe(0);
    // Words are padded one by one; an empty text has no trigrams.
    expect(trigramSimilarity('daft punk', 'punk daft')).toBe(1);
    expect(trigramSimilarity('', 'x')).toBe(0);
    expect(trigramSimilarity('', '')).toBe(0);
  });
});

describe('isCandidatePair', () => {
  it('proposes a title typo by one artist, and an artist typo of one title', () => {
    expect(isCandidatePair(track(['Mira Kolb'], 'Horizon'), track(['Mira Kolb'], 'Horizons'))).toBe(true);
    expect(isCandidatePair(track(['Lukas Abbotson'], 'Glass'), track(['Lukas Abotson'], 'Glass'))).toBe(true);
    // The typo at the start of the name: the other end still agrees.
    expect(isCandidatePair(track(['Fenwick Drum'], 'Glass'), track(['Venwick Drum'], 'Glass'))).toBe(true);
  });

  it('proposes a lost joiner, a featured credit and a shuffled credit', () => {
    expect(isCandidatePair(track(['Tova', 'Renn'], 'Slow Bloom'), track(['Tova Renn'], 'Slow Bloom'))).toBe(
      true,
    );
    expect(
      isCandidatePair(
        track(['Tova'], 'Slow Bloom', { featured: ['Renn'] }),
        track(['Tova', 'Renn'], 'Slow Bloom'),
      ),
    ).toBe(true);
  });

  it('proposes a remix written with its maker alone in brackets', () => {
    const remix = track(['Orla Penn'], 'Night Drive', { versionKind: 'remix' });
    expect(isCandidatePair(track(['Orla Penn'], 'Night Drive (Sam Vey)'), remix)).toBe(true);
    // Not when the bracketed title belongs to another artist.
    expect(isCandidatePair(track(['Ida Moss'], 'Night Drive (Sam Vey)'), remix)).toBe(false);
  });

  it('proposes a subtitle on one side, whose key can be far from the other', () => {
    expect(isCandidatePair(track(['Lu Vance'], 'Horizon (Good Times)'), track(['Lu Vance'], 'Horizon'))).toBe(
      true,
    );
    expect(trigramSimilarity(titleKey('Horizon (Good Times)'), titleKey('Horizon'))).toBeLessThan(0.4);
  });

  it('leaves out different kinds, mashup flags, unrelated artists and typos on both sides', () => {
    expect(
      isCandidatePair(
        track(['Mira Kolb'], 'Horizon'),
        track(['Mira Kolb'], 'Horizon', { versionKind: 'edit' }),
      ),
    ).toBe(false);
    expect(
      isCandidatePair(track(['Mira Kolb'], 'Horizon'), track(['Mira Kolb'], 'Horizon', { isMashup: true })),
    ).toBe(false);
    expect(isCandidatePair(track(['Mira Kolb'], 'Glass'), track(['Teo Brandt'], 'Glass'))).toBe(false);
    expect(isCandidatePair(track(['Mira Kolb'], 'Horizon'), track(['Mira Kolb'], 'Velvet Rain'))).toBe(false);
    expect(isCandidatePair(track(['Lukas Abbotson'], 'Horizon'), track(['Lukas Abotson'], 'Horizons'))).toBe(
      false,
    );
  });
});

describe('BlockIndex', () => {
  it('finds exactly the pairs of isCandidatePair over a generated catalogue', () => {
    // Deterministic: a small word list makes shared titles, shared artists and typos common.
    let seed = 11;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
    const typo = (s: string) => {
      const i = Math.floor(rnd() * s.length);
      return `${s.slice(0, i)}${pick([...'aeoxz'])}${s.slice(i + 1)}`;
    };
    const names = ['Mira Kolb', 'Teo Brandt', 'Sam Vey', 'Orla Penn', 'Ida Moss', 'Kasra', 'Enei'];
    const titles = ['Horizon', 'Glass', 'Night Drive', 'Velvet Rain', 'Slow Bloom', 'Echo'];
    const catalogue = Array.from({ length: 300 }, () => {
      const artists = rnd() < 0.2 ? [pick(names), pick(names)] : [pick(names)];
      return track(
        artists.map((a) => (rnd() < 0.15 ? typo(a) : a)),
        rnd() < 0.2 ? typo(pick(titles)) : pick(titles),
        { versionKind: rnd() < 0.2 ? 'remix' : 'original', isMashup: rnd() < 0.05 },
      );
    });
    const index = new BlockIndex();
    for (const t of catalogue) index.add(t);
    let pairs = 0;
    for (const t of catalogue) {
      const expected = catalogue.filter((o) => isCandidatePair(t, o)).map((o) => o.id);
      expect(index.candidatesOf(t).sort((a, b) => a - b)).toEqual(expected);
      expect(index.candidatesOf(t, true).sort((a, b) => a - b)).toEqual(expected.filter((id) => id > t.id));
      pairs += expected.length;
    }
    expect(pairs).toBeGreaterThan(1000);
    // A removed track is nobody's candidate any more.
    const [first] = index.candidatesOf(catalogue[0]!);
    index.remove(first!);
    expect(index.candidatesOf(catalogue[0]!)).not.toContain(first);
  });
});
