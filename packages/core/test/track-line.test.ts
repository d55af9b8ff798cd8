import { describe, expect, it } from 'vitest';
import { type ParsedLine, parseTrackLine } from '../src/track-line.ts';

type Expect = Partial<Omit<ParsedLine, 'track'>> & { artist?: string[]; title?: string; remixers?: string[] };

// Made-up lines in the shapes tracklist sites and pasted lists use.
const LINES: [string, Expect][] = [
  // numbering
  ['01. Nova Drift - Glass Harbour', { number: 1, text: 'Nova Drift - Glass Harbour', cueSeconds: null }],
  ['1. Nova Drift - Glass Harbour', { number: 1, artist: ['Nova Drift'] }],
  ['1) Nova Drift - Glass Harbour', { number: 1, artist: ['Nova Drift'] }],
  ['#1 Nova Drift - Glass Harbour', { number: 1, artist: ['Nova Drift'] }],
  ['#12 Nova Drift - Glass Harbour', { number: 12, artist: ['Nova Drift'] }],
  ['01 - Nova Drift - Glass Harbour', { number: 1, artist: ['Nova Drift'], title: 'Glass Harbour' }],
  ['12: Nova Drift - Glass Harbour', { number: 12, artist: ['Nova Drift'] }],
  ['007. Nova Drift - Glass Harbour', { number: 7 }],
  ['808 Unit - Glass Harbour', { number: null, artist: ['808 Unit'] }],
  ['2 Bad Kids - Glass Harbour', { number: null, artist: ['2 Bad Kids'] }],
  // cue times
  ['[05] Nova Drift - Glass Harbour', { cueSeconds: 300, number: null, artist: ['Nova Drift'] }],
  ['[00] Nova Drift - Glass Harbour', { cueSeconds: 0 }],
  ['[105] Nova Drift - Glass Harbour', { cueSeconds: 6300 }],
  ['[1:02:33] Nova Drift - Glass Harbour', { cueSeconds: 3753 }],
  ['[12:30] Nova Drift - Glass Harbour', { cueSeconds: 750 }],
  ['[112:30] Nova Drift - Glass Harbour', { cueSeconds: 6750 }],
  ['(12:30) Nova Drift - Glass Harbour', { cueSeconds: 750 }],
  ['05:12 Nova Drift - Glass Harbour', { cueSeconds: 312, number: null }],
  ['05:12 - Nova Drift - Glass Harbour', { cueSeconds: 312, artist: ['Nova Drift'] }],
  ['22:01 : Nova Drift - Glass Harbour', { cueSeconds: 1321, artist: ['Nova Drift'] }],
  ['05:12: Nova Drift - Glass Harbour', { cueSeconds: 312, artist: ['Nova Drift'] }],
  ['[0:47.00] Nova Drift - Glass Harbour', { cueSeconds: 47, artist: ['Nova Drift'] }],
  ['[1:02:33.5] Nova Drift - Glass Harbour', { cueSeconds: 3753.5, artist: ['Nova Drift'] }],
  // a label whose brackets were typed unevenly is still a label, not part of the title
  ['Nova Drift - Glass Harbour [Pale] - Tide]', { title: 'Glass Harbour', label: 'Pale] - Tide' }],
  ['Nova Drift - Glass Harbour [Pale] (Tide)]', { title: 'Glass Harbour' }],
  // a label with its catalogue number whose name reads as a version is still a label
  [
    'Nova Drift - Glass Harbour [Big Town Beats - 42-5011]',
    { title: 'Glass Harbour', label: 'Big Town Beats', catalogNumber: '42-5011' },
  ],
  ['Nova Drift - Glass Harbour [Deep Cut - DC 003]', { title: 'Glass Harbour', label: 'Deep Cut' }],
  ['Nova Drift - Glass Harbour [Tool]', { title: 'Glass Harbour', label: 'Tool' }],
  ['Nova Drift - Glass Harbour [Skool Beats]', { title: 'Glass Harbour', label: 'Skool Beats' }],
  // …but a version in square brackets without a catalogue number stays a version
  [
    'Nova Drift - Glass Harbour [Pim Odo Dub]',
    { title: 'Glass Harbour', label: null, remixers: ['Pim Odo'] },
  ],
  ['Nova Drift - Glass Harbour [Bootleg]', { title: 'Glass Harbour', label: null }],
  ['1:02:33 Nova Drift - Glass Harbour', { cueSeconds: 3753 }],
  ['Nova Drift - Glass Harbour 05:12', { cueSeconds: 312, title: 'Glass Harbour' }],
  ['Nova Drift - Glass Harbour [05:12]', { cueSeconds: 312, title: 'Glass Harbour', label: null }],
  ['Nova Drift - Glass Harbour (1:02:33)', { cueSeconds: 3753, title: 'Glass Harbour' }],
  ['[??] Nova Drift - Glass Harbour', { cueSeconds: null, artist: ['Nova Drift'] }],
  ['[???] Nova Drift - Glass Harbour', { cueSeconds: null, artist: ['Nova Drift'] }],
  ['[0??] Nova Drift - Glass Harbour', { cueSeconds: null, artist: ['Nova Drift'] }],
  ['[--:--] Nova Drift - Glass Harbour', { cueSeconds: null, artist: ['Nova Drift'] }],
  ['01. [05] Nova Drift - Glass Harbour', { number: 1, cueSeconds: 300 }],
  ['[05] 01. Nova Drift - Glass Harbour', { number: 1, cueSeconds: 300 }],
  ['1. 05:12 Nova Drift - Glass Harbour', { number: 1, cueSeconds: 312 }],
  // labels and catalogue numbers
  [
    'Nova Drift - Glass Harbour [Pale Tide - PT001]',
    { label: 'Pale Tide', catalogNumber: 'PT001', title: 'Glass Harbour' },
  ],
  ['Nova Drift - Glass Harbour [Pale Tide - PT 001]', { label: 'Pale Tide', catalogNumber: 'PT 001' }],
  [
    'Nova Drift - Glass Harbour [Pale Tide Recordings - PTR-12]',
    { label: 'Pale Tide Recordings', catalogNumber: 'PTR-12' },
  ],
  ['Nova Drift - Glass Harbour [PALE TIDE]', { label: 'PALE TIDE', catalogNumber: null }],
  ['Nova Drift - Glass Harbour [Pale Tide]', { label: 'Pale Tide', catalogNumber: null }],
  ['Nova Drift - Glass Harbour {Pale Tide}', { label: 'Pale Tide', title: 'Glass Harbour' }],
  ['Nova Drift - Glass Harbour [PT 001]', { label: null, catalogNumber: 'PT 001' }],
  [
    'Nova Drift - Glass Harbour [Pale (Tide) Music - PTM 3B]',
    { label: 'Pale (Tide) Music', catalogNumber: 'PTM 3B' },
  ],
  ['Nova Drift - Glass Harbour [Pale-Tide]', { label: 'Pale-Tide', catalogNumber: null }],
  [
    'Nova Drift - Glass Harbour (Pim Odo Remix) [Pale Tide - PT001]',
    { label: 'Pale Tide', remixers: ['Pim Odo'], title: 'Glass Harbour' },
  ],
  ['Nova Drift - Glass Harbour [Pim Odo Remix]', { label: null, remixers: ['Pim Odo'] }],
  ['Nova Drift - Glass Harbour [Pim Odo Remix] [Pale Tide]', { label: 'Pale Tide', remixers: ['Pim Odo'] }],
  [
    '[05] Nova Drift - Glass Harbour [Pale Tide - PT001]',
    { cueSeconds: 300, label: 'Pale Tide', catalogNumber: 'PT001' },
  ],
  ['Nova Drift - Glass Harbour [feat. Lu Vance]', { label: null, title: 'Glass Harbour' }],
  // notes
  ['Nova Drift - Glass Harbour [Promo]', { label: null, notes: ['Promo'] }],
  ['Nova Drift - Glass Harbour [Unreleased]', { label: null, notes: ['Unreleased'] }],
  ['Nova Drift - Glass Harbour (Unreleased)', { notes: ['Unreleased'], title: 'Glass Harbour' }],
  ['Nova Drift - Glass Harbour [White Label]', { label: null, notes: ['White Label'] }],
  ['Nova Drift - Glass Harbour [Dubplate]', { notes: ['Dubplate'] }],
  ['Nova Drift - Glass Harbour [Pale Tide] [Promo]', { label: 'Pale Tide', notes: ['Promo'] }],
  ['Nova Drift - Glass Harbour (2008)', { year: 2008, title: 'Glass Harbour' }],
  ['Nova Drift - Glass Harbour (1996) [Pale Tide]', { year: 1996, label: 'Pale Tide' }],
  ['Nova Drift - Glass Harbour !!!', { title: 'Glass Harbour' }],
  ['Nova Drift - Glass Harbour ()', { title: 'Glass Harbour' }],
  ['Track Of The Week: Nova Drift - Glass Harbour', { notes: ['Track Of The Week'], artist: ['Nova Drift'] }],
  ['Classic: Nova Drift - Glass Harbour', { notes: ['Classic'], artist: ['Nova Drift'] }],
  ['Format:Q - Glass Harbour', { notes: [], artist: ['Format:Q'] }],
  // with previous
  ['w/ Nova Drift - Glass Harbour', { withPrevious: true, artist: ['Nova Drift'] }],
  ['w/Nova Drift - Glass Harbour', { withPrevious: true, artist: ['Nova Drift'] }],
  ['W/ Nova Drift - Glass Harbour', { withPrevious: true }],
  ['[05] w/ Nova Drift - Glass Harbour', { withPrevious: true, cueSeconds: 300 }],
  [
    'Nova Drift - Glass Harbour',
    { withPrevious: false, number: null, cueSeconds: null, label: null, notes: [] },
  ],
  // unknown lines
  ['[12] ID - ID', { cueSeconds: 720 }],
  ['03. ?', { number: 3 }],
  ['', { text: '' }],
  // unicode and entities
  ['Nova Drift – Glass Harbour', { artist: ['Nova Drift'], title: 'Glass Harbour' }],
  ['Nova Drift\u00a0-\u00a0Glass Harbour', { artist: ['Nova Drift'], title: 'Glass Harbour' }],
  ['Nova Drift - Glass Harbour [Pale &amp; Tide]', { label: 'Pale & Tide' }],
  ['Nova Drift - <b>Glass</b> Harbour', { title: '<b>Glass</b> Harbour' }],
];

describe('parseTrackLine', () => {
  it.each(LINES)('%j', (line, expected) => {
    const { artist, title, remixers, ...rest } = expected;
    const parsed = parseTrackLine(line);
    expect(parsed).toMatchObject(rest);
    expect(parsed.raw).toBe(line);
    if (artist) expect(parsed.track.primaryArtists).toEqual(artist);
    if (title !== undefined) expect(parsed.track.title).toBe(title);
    if (remixers) expect(parsed.track.remixers).toEqual(remixers);
  });

  it.each(['[12] ID - ID', '03. ?', '', 'w/ ID', 'Nova Drift - ID'])('%j is an unknown track', (line) => {
    expect(parseTrackLine(line).track.unknown).toBe(true);
  });

  it('never throws on hostile input', () => {
    for (const line of [
      '((((',
      ']]]]',
      '[',
      '- - -',
      '\u0000\u0001',
      'x'.repeat(100_000),
      '[[[[a]]]]',
      '{(})',
    ]) {
      expect(() => parseTrackLine(line)).not.toThrow();
    }
  });
});
