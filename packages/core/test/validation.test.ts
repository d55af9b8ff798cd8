import { describe, expect, it } from 'vitest';
import type { ParsedEntry, ParsedSet } from '../src/types.ts';
import { ENTRY_RULES, hasErrors, SET_RULES, validateSet } from '../src/validation.ts';

const now = new Date('2026-05-01T00:00:00Z');

function set(entries: ParsedEntry[], extra: Partial<ParsedSet> = {}): ParsedSet {
  return {
    source: 'file',
    title: 'Made-up Mix',
    performers: ['Kilo Brass'],
    kind: 'mix',
    entries,
    issues: [],
    location: { file: 'mix.txt', line: 1 },
    ...extra,
  };
}

const entry = (extra: Partial<ParsedEntry> = {}): ParsedEntry => ({
  position: 1,
  raw: 'Kilo Brass - Tin Roof',
  line: 3,
  ...extra,
});

describe('validateSet', () => {
  it('accepts a clean set', () => {
    expect(validateSet(set([entry(), entry({ position: 2, line: 4 })]), { now })).toEqual([]);
  });

  it.each([
    ['title', { title: '' }],
    ['title', { title: 'x'.repeat(301) }],
    ['artist', { artist: '' }],
    ['artist', { artist: 'x'.repeat(201) }],
    ['durationSeconds', { durationSeconds: 9 }],
    ['durationSeconds', { durationSeconds: 3601 }],
    ['bpm', { bpm: 49 }],
    ['bpm', { bpm: 301 }],
    ['year', { year: 1899 }],
    ['year', { year: 2028 }],
    ['year', { year: 2019.5 }],
    ['deck', { deck: 0 }],
    ['deck', { deck: 1.5 }],
    ['deck', { deck: 40_000 }],
    ['playedAt', { playedAt: 'yesterday evening' }],
    ['playedAt', { playedAt: '2023-02-30T10:00:00' }],
    ['playedAt', { playedAt: '21:30' }],
    ['cueSeconds', { cueSeconds: -1 }],
    ['cueSeconds', { cueSeconds: 90_000 }],
    ['key', { key: 'H#' }],
    ['raw', { raw: '' }],
    ['raw', { raw: 'x'.repeat(1001) }],
    ['position', { position: 0 }],
    ['position', { position: 1.5 }],
  ] as const)('warns about %s in %j with position and line', (field, extra) => {
    const issues = validateSet(set([entry(extra)]), { now });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'warning', field, line: 3, file: 'mix.txt' });
    expect(issues[0]!.message).not.toBe('');
    expect(hasErrors(issues)).toBe(false);
  });

  it.each([
    ['title', { title: 'x'.repeat(300) }],
    ['artist', { artist: 'x'.repeat(200) }],
    ['durationSeconds', { durationSeconds: 10 }],
    ['durationSeconds', { durationSeconds: 3600 }],
    ['bpm', { bpm: 50 }],
    ['bpm', { bpm: 300 }],
    ['year', { year: 1900 }],
    ['year', { year: 2027 }],
    ['key', { key: '8A' }],
    ['key', { key: null }],
    ['bpm', { bpm: null }],
    ['cueSeconds', { cueSeconds: 312.49 }],
    ['durationSeconds', { durationSeconds: 176.32 }],
    ['deck', { deck: 4 }],
    ['playedAt', { playedAt: '2023-11-04T22:01:00' }],
    ['playedAt', { playedAt: '2023-11-04T22:01:00.000Z' }],
    ['playedAt', { playedAt: '2023-11-04 22:01' }],
    ['playedAt', { playedAt: '2010-11-16' }],
  ] as const)('accepts the boundary value of %s in %j', (_field, extra) => {
    expect(validateSet(set([entry(extra)]), { now })).toEqual([]);
  });

  it.each<[string, Partial<ParsedSet>]>([
    ['source', { source: '' }],
    ['kind', { kind: 'podcast' as never }],
    ['entries', { entries: [] }],
  ])('reports a missing essential (%s) as an error', (field, extra) => {
    const issues = validateSet(set([entry()], extra), { now });
    expect(issues).toContainEqual(expect.objectContaining({ severity: 'error', field }));
    expect(hasErrors(issues)).toBe(true);
  });

  it('warns about a bad set title or date without failing the set', () => {
    const issues = validateSet(set([entry()], { title: '', date: '31.02.2012' }), { now });
    expect(issues.map((i) => [i.severity, i.field])).toEqual([
      ['warning', 'title'],
      ['warning', 'date'],
    ]);
  });

  it('reports duplicate positions once per repeat', () => {
    const issues = validateSet(set([entry(), entry({ line: 4 }), entry({ position: 2, line: 5 })]), { now });
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'warning', field: 'position', position: 1, line: 4 }),
    ]);
  });

  it('keeps one warning per broken entry and leaves the others alone', () => {
    const entries = [entry(), entry({ position: 2, line: 4, bpm: 12 }), entry({ position: 3, line: 5 })];
    const issues = validateSet(set(entries), { now });
    expect(issues).toEqual([expect.objectContaining({ position: 2, line: 4, field: 'bpm' })]);
  });

  it('has unique rule ids', () => {
    const ids = [...SET_RULES, ...ENTRY_RULES].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
