import { describe, expect, it } from 'vitest';
import { lineKind } from '../src/formats/text-lines.ts';
import { collect } from './helpers.ts';

describe('pasted pages and descriptions', () => {
  it('a pasted tracklist page yields its tracks; chrome, counters and headings are skipped with line numbers', async () => {
    const page = [
      'Lina Crest @ Harbour Hall, Ostrava', // 1
      'Save 20', // 2
      '(7.4k)', // 3
      'Tracklist', // 4
      '01', // 5
      'Velvet Orbit - Neon Harbour', // 6
      'DRIFTWOOD', // 7
      '02', // 8
      '05:12', // 9
      'Kira Moss - Paper Suns (Ostrava Remix)', // 10
      'Share', // 11
      '03', // 12
      'ID - ID', // 13
      'Follow us on https://example.org/harbour', // 14
    ].join('\n');
    const { sets } = await collect(page, { format: 'text' });
    expect(sets[0]!.entries.map((e) => [e.raw, e.line, e.cueSeconds])).toEqual([
      ['Velvet Orbit - Neon Harbour', 6, undefined],
      ['Kira Moss - Paper Suns (Ostrava Remix)', 10, 312],
      ['ID - ID', 13, undefined],
    ]);
    expect(sets[0]!.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 1,
        message: 'lines 1–3, 5, 7–8, 11–12, 14: not tracks (headings, page text, prose); skipped',
      }),
    ]);
  });

  it('wiki list markup is not part of the track', async () => {
    const { sets } = await collect(
      '# [01:04] Velvet Orbit - Neon Harbour\n# [07:30] Kira Moss - Paper Suns\n',
      {
        format: 'text',
      },
    );
    expect(sets[0]!.entries.map((e) => e.raw)).toEqual([
      '[01:04] Velvet Orbit - Neon Harbour',
      '[07:30] Kira Moss - Paper Suns',
    ]);
  });

  it('a SoundCloud or YouTube description yields its tracklist', async () => {
    const description = [
      'Recorded live at Harbour Hall on a rainy night in June. Thanks to everyone who came down!',
      '',
      'Tracklist:',
      '0:00 Velvet Orbit - Neon Harbour',
      '5:12 Kira Moss - Paper Suns (Ostrava Remix)',
      '11:40 Glass Heron - Slow Tide',
      '',
      'Instagram - https://instagram.example/lina',
      '#deephouse #harbour',
      '@linacrest',
    ].join('\n');
    const { sets } = await collect(description, { format: 'text' });
    expect(sets[0]!.entries.map((e) => [e.raw, e.line])).toEqual([
      ['0:00 Velvet Orbit - Neon Harbour', 4],
      ['5:12 Kira Moss - Paper Suns (Ostrava Remix)', 5],
      ['11:40 Glass Heron - Slow Tide', 6],
    ]);
    expect(sets[0]!.issues[0]!.message).toMatch(/^lines 1, 8–10: not tracks/);
  });

  it('an unidentified track without a dash stays an entry, so no transition is drawn across it', async () => {
    const { sets } = await collect('Kay Loom - Sundial\nID\nOra - Drift\nSave 20\n', { format: 'text' });
    expect(sets[0]!.entries.map((e) => e.raw)).toEqual(['Kay Loom - Sundial', 'ID', 'Ora - Drift']);
  });

  it('a list of bare titles keeps every line', async () => {
    const { sets } = await collect('Paper Suns\nNight Ferry\nCopper Rain\n', { format: 'text' });
    expect(sets[0]!.entries.map((e) => e.raw)).toEqual(['Paper Suns', 'Night Ferry', 'Copper Rain']);
  });

  it.each([
    ['Velvet Orbit - Neon Harbour', 'track'],
    ['01. Sundial', 'listed'],
    ['[05] ID', 'listed'],
    ['ID', 'listed'],
    ['??? [Unreleased]', 'listed'],
    ['05:12', 'cue'],
    ['07', 'number'],
    ['== Tracklist ==', 'heading'],
    ['Part 1:', 'heading'],
    ['Save 20', 'other'],
    ['(7.4k)', 'other'],
    ['Soundcloud - https://soundcloud.example/x', 'other'],
    ['This was a great night - thank you all for coming out and dancing until the morning.', 'other'],
  ])('%j is a %s line', (line, kind) => {
    expect(lineKind(line)).toBe(kind);
  });
});
