import { trigramSimilarity } from '@songnodes/core';
import { describe, expect, it } from 'vitest';
import { contenders, facetsOf, nameWords, querySpans } from '../src/search-service.ts';

describe('search ranking helpers', () => {
  it('joins runs of words like the stored keys, longest first, skipping spans under 3 letters', () => {
    expect(querySpans(['daft', 'pnuk', 'one'])).toEqual([
      'daftpnukone',
      'daftpnuk',
      'pnukone',
      'daft',
      'pnuk',
      'one',
    ]);
    expect(querySpans(['dj', 'x'])).toEqual(['djx']);
  });

  it('keeps spans of at least the given number of words', () => {
    expect(querySpans(['daft', 'pnuk', 'one'], 2)).toEqual(['daftpnukone', 'daftpnuk', 'pnukone']);
  });

  it('looks artists up by words of 3 letters or more that are not the commonest', () => {
    expect(nameWords('DJ Loran & The  Meomry feat. Ora')).toBe('Loran Meomry Ora');
    expect(nameWords('the dj')).toBe('');
  });

  it('keeps the best by score and every candidate tied with the last kept', () => {
    const s = (...scores: number[]) => scores.map((score, id) => ({ id, score }));
    expect(contenders(s(1, 0.9, 0.9, 0.9, 0.5), 2).map((x) => x.id)).toEqual([0, 1, 2, 3]);
    expect(contenders(s(1, 0.9, 0.5), 2).map((x) => x.id)).toEqual([0, 1]);
    expect(contenders(s(1), 5).map((x) => x.id)).toEqual([0]);
  });

  it('scores trigram similarity as pg_trgm does', () => {
    expect(trigramSimilarity('daftpunk', 'daftpunk')).toBe(1);
    expect(trigramSimilarity('daftpnuk', 'daftpunk')).toBeGreaterThan(0.3);
    expect(trigramSimilarity('daftpnuk', 'aroundtheworld')).toBeLessThan(0.1);
    expect(trigramSimilarity('', 'x')).toBe(0);
  });

  it('counts facets of the matched tracks; unknown values are not counted', () => {
    const t = (bpm: number | null, key: string | null, genre: string | null, year: number | null) => ({
      id: 1,
      artist: 'a',
      title: 't',
      version: null,
      bpm,
      key,
      genre,
      year,
    });
    const f = facetsOf([t(120, '8A', 'House', 2020), t(128, '8A', null, null), t(null, null, 'House', 2020)]);
    expect(f.keys).toEqual([{ value: '8A', count: 2 }]);
    expect(f.genres).toEqual([{ value: 'House', count: 2 }]);
    expect(f.bpm).toEqual({ min: 120, max: 128 });
    expect(facetsOf([]).bpm).toEqual({ min: null, max: null });
  });
});
