// Pairs a DJ knows apart. Each pair below is two different records (sides, cuts, parts, numbered
// untitled tracks) and must never reach AUTO_MERGE; the typo pairs at the end must, so this table
// fails if the scorer stops merging anything at all.
import { describe, expect, it } from 'vitest';
import { AUTO_MERGE, nearDuplicateScore, parseTrackLine, REVIEW } from '../src/index.ts';

const score = (a: string, b: string) => nearDuplicateScore(parseTrackLine(a).track, parseTrackLine(b).track);

describe('near-duplicate scoring never merges different records', () => {
  it.each([
    // vinyl sides in brackets
    ['Ora Sound - Untitled (A)', 'Ora Sound - Untitled (B)'],
    ['Mira Vale - THX-1139 (A1)', 'Mira Vale - THX-1139 (B1)'],
    ['Mira Vale - THX-1139 (A1)', 'Mira Vale - THX-1139 (A2)'],
    ['Kay Loom - Minus (AA)', 'Kay Loom - Minus (A)'],
    ['Kay Loom - Untitled (A)', 'Kay Loom - Untitled (A1)'],
    // sides written as a trailing word
    ['Applied Forms - Applied Forms A', 'Applied Forms - Applied Forms C'],
    ['Kay Loom - Minus AA', 'Kay Loom - Minus A'],
    ['Kay Loom - Side A', 'Kay Loom - Side B'],
    ['Kay Loom - Untitled A2', 'Kay Loom - Untitled B2'],
    ['Kay Loom - Dub A1', 'Kay Loom - Dub A2'],
    ['Kay Loom - Cut 2B', 'Kay Loom - Cut 2A'],
    // numbered parts and untitled tracks
    ['Tide Unit - Untitled 1', 'Tide Unit - Untitled 2'],
    ['Tide Unit - Untitled 1', 'Tide Unit - Untitled B1'],
    ['Kay Loom - Journey Part 1', 'Kay Loom - Journey Part 2'],
    ['Kay Loom - Journey (Part 1)', 'Kay Loom - Journey (Part II)'],
    ['Kay Loom - Journey Part One', 'Kay Loom - Journey Part Two'],
    ['Kay Loom - Track 4', 'Kay Loom - Track 5'],
    ['Kay Loom - Live 2006', 'Kay Loom - Live 2007'],
    // a trailing letter that differs
    ['Kay Loom - Track X', 'Kay Loom - Track Y'],
    ['Kay Loom - Sequence E', 'Kay Loom - Sequence F'],
    // artists whose names differ in a number or a letter
    ['Unit 1 - Horizon', 'Unit 2 - Horizon'],
    ['Kay Loom A0 - Night Drive', 'Kay Loom B1 - Night Drive'],
    ['Basic Sound 7 - Cycle', 'Basic Sound 8 - Cycle'],
    // a word more or less, a remix against its original
    ['Kay Loom - Untitled A', 'Kay Loom - Untitled'],
    ['Kay Loom - Raging', 'Kay Loom - Raging (The Storm)'],
    ['Kay Loom - Horizon', 'Kay Loom - Horizon (Tom Ash Remix)'],
    // a subtitle in brackets is no remixer: only the other's own remixer alone in brackets is its remix
    ['Kay Loom - Horizon (The Storm)', 'Kay Loom - Horizon (Tom Ash Remix)'],
    ['Kay Loom - Horizon (Tom Ash)', 'Kay Loom - Horizon (Lu Vance Remix)'],
    ['Kay Loom - Horizon (Tom Ash)', 'Kay Loom - Horizon (Tom Ash Dub)'],
    ['Kay Loom - Horizon (Tom Ash)', 'Kay Loom - Horizon (Tom Ash Remix 2)'],
    // numbered versions by one maker, and two named mixes by one maker
    ['Kay Loom - Horizon (Tom Ash Mix 2)', 'Kay Loom - Horizon (Tom Ash Mix)'],
    ['Kay Loom - Horizon (Tom Ash Mix 2)', 'Kay Loom - Horizon (Tom Ash Mix 1)'],
    ["Kay Loom - Horizon (Tom Ash Goin' Hard Mix)", "Kay Loom - Horizon (Tom Ash Goin' Down Mix)"],
    ['Kay Loom - Horizon (Tom Ash 2012 Remix)', 'Kay Loom - Horizon (Tom Ash Remix)'],
    // a collaborator more or less, or a descriptive mix name, is for a person to decide
    ['Kay Loom - Horizon', 'Kay Loom & Lu Vance - Horizon'],
    ["Kay Loom - Horizon (Tom Ash's Harbour Remix)", 'Kay Loom - Horizon (Tom Ash Remix)'],
    ['Kay Loom - Horizon (Tom Ash Harbour Mix)', 'Kay Loom - Horizon (Tom Ash Remix)'],
  ])('%s ≠ %s', (a, b) => {
    expect(score(a, b)).toBeLessThan(AUTO_MERGE);
    expect(score(b, a)).toBeLessThan(AUTO_MERGE);
  });
});

describe('near-duplicate scoring merges typos of one record', () => {
  it.each([
    ['Luke Abbott - Modern Driveway', 'Luke Abbot - Modern Driveway'],
    ['Kay Loom - Secret Fever', 'Kay Loom - Secet Fever'],
    ['Kay Loom - Horizon', 'Kay Loom - Horizons'],
    ['Mira Vale - THX-1139 (A1)', 'Mira Vale - THX1139 (A1)'],
    ['Kay Loom - Journey Part 2', 'Kay Loom - Journy Part 2'],
    // a remix written with its maker alone in brackets
    ['Kay Loom - Horizon (Tom Ash)', 'Kay Loom - Horizon (Tom Ash Remix)'],
    ['Kay Loom - Horizon (Tom Ash & Lu Vance)', 'Kay Loom - Horizon (Lu Vance & Tom Ash Mix)'],
    ['Kay Loom & Mira Vale - Horizon (Tom Ash)', 'Mira Vale & Kay Loom - Horizon (Tom Ash Remix)'],
  ])('%s = %s', (a, b) => {
    expect(score(a, b)).toBeGreaterThanOrEqual(AUTO_MERGE);
    expect(score(b, a)).toBe(score(a, b));
  });
});

describe('near-duplicate scoring lists for review what only a person can tell', () => {
  it.each([
    // a collaborator left out of one credit
    ['Kay Loom - Horizon', 'Kay Loom & Lu Vance - Horizon'],
    ['Kay Loom - Horizon', 'Kay Loom, Lu Vance - Horizon'],
    ['Kay Loom & Mira Vale - Horizon (Tom Ash Remix)', 'Kay Loom - Horizon (Tom Ash Remix)'],
    // one maker's version with and without a descriptive name
    ["Kay Loom - Horizon (Tom Ash's Harbour Remix)", 'Kay Loom - Horizon (Tom Ash Remix)'],
    ['Kay Loom - Horizon (Tom Ash Podium Mix)', 'Kay Loom - Horizon (Tom Ash Mix)'],
    ['Kay Loom - Horizon (Tom Ash Harbour Edit)', 'Kay Loom - Horizon (Tom Ash Edit)'],
    // a subtitle written on one side only
    ['Kay Loom - Horizon (Good Times)', 'Kay Loom - Horizon'],
    ['Kay Loom - Horizon (Good Times) (Tom Ash Remix)', 'Kay Loom - Horizon (Tom Ash Remix)'],
  ])('%s ~ %s', (a, b) => {
    expect(score(a, b)).toBeGreaterThanOrEqual(REVIEW);
    expect(score(a, b)).toBeLessThan(AUTO_MERGE);
    expect(score(b, a)).toBe(score(a, b));
  });

  it('does not list a solo track against an unrelated collaboration', () => {
    expect(score('Kay Loom - Horizon', 'Mira Vale & Lu Vance - Horizon')).toBeLessThan(REVIEW);
  });

  it.each([
    ['Kay Loom - Journey (Part 2)', 'Kay Loom - Journey'],
    ['Kay Loom - Untitled (B)', 'Kay Loom - Untitled'],
    ['Kay Loom - Untitled (B1)', 'Kay Loom - Untitled'],
    ['Kay Loom - Horizon (Good Times)', 'Kay Loom - Horizon (Tom Ash Remix)'],
  ])('does not list a numbered or lettered part against the whole: %s, %s', (a, b) => {
    expect(score(a, b)).toBeLessThan(REVIEW);
  });
});
