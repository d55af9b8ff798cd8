import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  computeFigures,
  crudeTrackText,
  djmixSets,
  generatedSets,
  isUnknownLine,
  markdownTable,
  replaceBlock,
} from '../src/compare-stats.ts';

const REAL = new URL('../../../../shared/data/djmix-mixesdb/djmix-dataset-dev-1000.json.gz', import.meta.url);

describe('isUnknownLine', () => {
  it.each([
    ['ID - ID', true],
    ['Kalor - ID', true],
    ['ID', true],
    ['? - ?', true],
    ['Vrador Nedormann - ???', true],
    ['ID - ID (Kalor Remix)', true],
    ['Calyx - True ID', false],
    ['Origin Unmapped - Idle Hands [ID Records]', false],
    ['Kalor - Signal (Zevan Remix) [Tide Trax]', false],
  ])('%s → %s', (line, unknown) => {
    expect(isUnknownLine(line)).toBe(unknown);
  });
});

describe('crudeTrackText', () => {
  it.each([
    ['[05] Kalor & Zevan - Signal (Remix) [Tide - TT 001]', 'kalor zevan signal remix'],
    ['+ Mirelé - Café Nights', 'mirele cafe nights'],
    ['KALOR  -  Signal', 'kalor signal'],
  ])('%s → %s', (line, text) => {
    expect(crudeTrackText(line)).toBe(text);
  });
});

describe('computeFigures', () => {
  // Three sets: a→b twice (a repeated transition), an unknown entry that breaks the chain.
  const figures = computeFigures([
    { ids: ['a', 'b', 'c'], texts: ['A - a', 'B - b', 'C - c'] },
    { ids: ['a', 'b', null, 'd'], texts: ['A - a', 'b - B', 'ID - ID', 'D - d'] },
    { ids: ['e'], texts: ['E - e'] },
  ]);

  it('counts sets, entries, unknowns and plays', () => {
    expect(figures.sets).toBe(3);
    expect(figures.entries).toBe(8);
    expect(figures.unknownShare).toBeCloseTo(1 / 8);
    expect(figures.distinctTracks).toBe(5);
    expect(figures.playedOnceShare).toBeCloseTo(3 / 5);
    expect(figures.maxPlays).toBe(2);
    expect(figures.tracksPerSet).toEqual({ mean: 8 / 3, median: 3, p10: 1, p90: 4 });
  });

  it('counts transitions between identified neighbours only, and the repeated ones', () => {
    expect(figures.transitions).toBe(3);
    expect(figures.repeatedTransitionShare).toBeCloseTo(1 / 2);
    expect(figures.repeatedTransitionOccurrenceShare).toBeCloseTo(2 / 3);
  });

  it('counts spelling variants as distinct texts', () => {
    // "B - b" and "b - B" normalise to different strings ("b b" only once: case is folded).
    expect(figures.distinctTextsPer1000Entries).toBeCloseTo((1000 * 5) / 7);
  });
});

describe('Markdown output', () => {
  it('replaces only the generated block of a document', () => {
    const table = markdownTable([['x', computeFigures([{ ids: ['a'], texts: ['A - a'] }])]]);
    const doc = 'intro\n<!-- compare-stats:begin -->\nold\n<!-- compare-stats:end -->\noutro\n';
    const out = replaceBlock(doc, table);
    expect(out).toContain(table);
    expect(out).not.toContain('old');
    expect(out.startsWith('intro\n')).toBe(true);
    expect(out.endsWith('<!-- compare-stats:end -->\noutro\n')).toBe(true);
    expect(() => replaceBlock('no markers', table)).toThrow(/compare-stats:begin/);
  });
});

describe.skipIf(!existsSync(REAL))('against the real djmix-mixesdb sample (../shared/data)', () => {
  it('reads the 1,000 mixes and lands the generator near them', () => {
    const real = computeFigures(djmixSets(REAL.pathname));
    expect(real.sets).toBe(1000);
    expect(real.entries).toBe(22246);
    const gen = computeFigures(generatedSets(1000, 1));
    // Broad bands around the real figures: the generator is tuned to these, not fitted exactly.
    expect(Math.abs(gen.tracksPerSet.mean - real.tracksPerSet.mean)).toBeLessThan(3);
    expect(Math.abs(gen.playedOnceShare - real.playedOnceShare)).toBeLessThan(0.05);
    expect(Math.abs(gen.powerLawAlpha - real.powerLawAlpha)).toBeLessThan(0.2);
    expect(Math.abs(gen.distinctPer1000Entries - real.distinctPer1000Entries)).toBeLessThan(60);
    expect(gen.repeatedTransitionShare).toBeGreaterThan(real.repeatedTransitionShare / 3);
    expect(gen.repeatedTransitionShare).toBeLessThan(real.repeatedTransitionShare * 3);
  });
});
