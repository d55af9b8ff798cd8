import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readCollection } from '../src/index.ts';
import { collect, fixture } from './helpers.ts';

describe('text', () => {
  it('keeps lines raw, skips headings, blank and comment lines, splits sets at separator lines', async () => {
    const { sets, unreadable } = await collect(fixture('tracklist.txt'));
    expect(unreadable).toEqual([]);
    expect(sets).toHaveLength(2);
    expect(sets[0]!.entries.map((e) => [e.position, e.line, e.raw])).toEqual([
      [1, 2, '01. Velvet Orbit - Neon Harbour (Original Mix)'],
      [2, 3, '02. [05:12] Kira Moss & The Lantern Folk - Paper Suns (Ostrava Remix)'],
      [3, 6, '03. ID - ID'],
      [4, 7, 'w/ Glass Heron - Slow Tide'],
    ]);
    expect(sets[1]!.entries.map((e) => e.raw)).toEqual([
      '1) Marlow Finch - Copper Rain',
      '2) Tessa Vale ft. Oren Dusk - Night Ferry',
    ]);
  });

  it('reads a pasted string', async () => {
    const { sets } = await collect('A - One\nB - Two\n');
    expect(sets[0]!.entries.map((e) => e.raw)).toEqual(['A - One', 'B - Two']);
  });
});

describe('csv', () => {
  it('detects ; delimiter and German headers, groups rows into sets by mix id', async () => {
    const { sets, unreadable } = await collect(fixture('sets.csv'));
    expect(unreadable).toEqual([]);
    expect(sets.map((s) => [s.externalId, s.title, s.date, s.performers, s.entries.length])).toEqual([
      ['m1', 'Harbour Sessions 01', '2021-06-05', ['Lina Crest'], 3],
      ['m2', 'Harbour Sessions 02', '2021-07-03', ['Lina Crest'], 2],
    ]);
    const [a, b, c] = sets[0]!.entries;
    expect(a).toMatchObject({
      raw: 'Velvet Orbit - Neon Harbour',
      bpm: 124,
      key: '8A',
      cueSeconds: 0,
      durationSeconds: 370,
      label: 'Driftwood',
    });
    expect(b).toMatchObject({
      raw: 'Kira Moss - Paper Suns (Ostrava Remix)',
      version: 'Ostrava Remix',
      bpm: 125.5,
      key: 'Am',
      cueSeconds: 312,
    });
    expect(c).toMatchObject({
      artist: 'Glass Heron; Marlow Finch',
      title: 'Slow Tide, Part 2',
      key: 'A minor',
      line: 4,
    });
    expect(c!.durationSeconds).toBeUndefined();
    expect(sets[1]!.entries[0]).toMatchObject({ raw: 'Tessa Vale - Night Ferry (Extended Mix)', key: '10B' });
  });

  it('reads TSV, and an explicit mapping overrides header names', async () => {
    const { sets } = await collect(fixture('tracks.tsv'));
    expect(sets[0]!.entries.map((e) => [e.raw, e.bpm, e.key, e.cueSeconds])).toEqual([
      ['Velvet Orbit - Neon Harbour', 124, '1m', 0],
      ['Kira Moss - Paper Suns', 125, 'Ebm', 312],
    ]);
    const mapped = await collect('Wer;Was\nVelvet Orbit;Neon Harbour\n', {
      format: 'csv',
      csvMapping: { artist: 'Wer', title: 'Was' },
    });
    expect(mapped.sets[0]!.entries[0]!.raw).toBe('Velvet Orbit - Neon Harbour');
  });

  it('refuses a CSV without artist/title columns, naming the headers', async () => {
    const { unreadable } = await collect('foo,bar\n1,2\n', { format: 'csv' });
    expect(unreadable[0]!.issue.message).toMatch(/no artist or title column.*foo, bar/);
  });
});

describe('json', () => {
  it('reads songnodes sets from NDJSON with their fields', async () => {
    const { sets } = await collect(fixture('sets.ndjson'));
    expect(sets.map((s) => [s.source, s.externalId, s.kind, s.date, s.performers])).toEqual([
      ['radio', 'show-1', 'radio_show', '2022-02-02', ['Lina Crest']],
      ['radio', 'show-2', 'mix', undefined, ['Lina Crest', 'Oren Dusk']],
    ]);
    expect(sets[0]!.entries[1]).toMatchObject({ position: 2, bpm: 125, key: '8A', cueSeconds: 300 });
    expect(sets[1]!.location).toMatchObject({ line: 2 });
  });

  it('reads the djmix dataset format, also gzip-compressed', async () => {
    const plain = readFileSync(fixture('djmix.json'));
    async function* gz() {
      yield gzipSync(plain);
    }
    for (const input of [fixture('djmix.json'), gz()]) {
      const { sets } = await collect(input);
      expect(sets.map((s) => [s.source, s.externalId, s.date, s.performers, s.kind, s.event])).toEqual([
        ['mixesdb', '2018-03_-_Lina_Crest_-_Promo_Mix', '2018-03', ['Lina Crest'], 'mix', 'Promo Mix'],
        [
          'mixesdb',
          '2018-04-01_-_Oren_Dusk_@_Harbour_Club',
          '2018-04-01',
          ['Oren Dusk'],
          'live_set',
          'Harbour Club',
        ],
      ]);
      expect(sets[0]!.entries).toEqual([
        {
          position: 1,
          raw: '[00] Velvet Orbit - Neon Harbour [Driftwood - DW 001]',
          externalIds: { youtube: 'yt0001' },
        },
        { position: 2, raw: '[05] Kira Moss - Paper Suns' },
      ]);
    }
  });

  it('reads setlist.fm setlists: performer, date, venue, covers', async () => {
    const { sets, unreadable } = await collect(fixture('setlist.json'));
    expect(sets).toHaveLength(1);
    const s = sets[0]!;
    expect(s).toMatchObject({
      source: 'setlistfm',
      kind: 'concert',
      externalId: '3bd6a8f0',
      date: '2019-08-23',
      performers: ['The Lantern Folk'],
      venue: 'Harbour Hall, Ostrava, Czechia',
      event: 'Paper Suns Tour',
    });
    expect(s.entries.map((e) => e.raw)).toEqual([
      'The Lantern Folk - Intro Drone',
      'The Lantern Folk - Paper Suns',
      'Tessa Vale - Night Ferry',
      'The Lantern Folk - ID',
      'The Lantern Folk - Copper Rain',
    ]);
    expect(unreadable[0]!.issue.message).toMatch(/4cc1 has no songs/);
  });
});

describe('cue', () => {
  it('reads PERFORMER/TITLE per TRACK, INDEX 01 with frames, REM DATE/GENRE', async () => {
    const { sets } = await collect(fixture('mix.cue'));
    const s = sets[0]!;
    expect(s).toMatchObject({
      title: 'Harbour Sessions Live',
      performers: ['Lina Crest'],
      date: '2020-09-12',
    });
    expect(s.entries.map((e) => [e.position, e.raw, e.cueSeconds, e.genre])).toEqual([
      [1, 'Velvet Orbit - Neon Harbour', 0, 'Deep House'],
      [2, 'Kira Moss - Paper Suns (Ostrava Remix)', 312 + 37 / 75, 'Deep House'],
      [3, 'Glass Heron - Slow Tide', 700, 'Deep House'],
    ]);
  });
});

describe('m3u', () => {
  it('takes #EXTINF text and duration, or the file name of a bare path', async () => {
    const { sets } = await collect(fixture('playlist.m3u8'));
    const s = sets[0]!;
    expect(s).toMatchObject({ kind: 'playlist', title: 'Warm-up ideas' });
    expect(s.entries.map((e) => [e.raw, e.durationSeconds, e.line])).toEqual([
      ['Velvet Orbit - Neon Harbour', 371, 3],
      ['Kira Moss - Paper Suns (Ostrava Remix)', null, 5],
      ['Glass Heron - Slow Tide', null, 7],
    ]);
  });
});

describe('rekordbox', () => {
  it('yields playlists in TRACK order and history playlists dated from their name', async () => {
    const { sets } = await collect(fixture('library.xml'));
    expect(sets.map((s) => [s.title, s.kind, s.date, s.externalId])).toEqual([
      ['Warm-up', 'playlist', undefined, 'Warm-up'],
      ['HISTORY 2023-01-07', 'history', '2023-01-07', 'HISTORY/HISTORY 2023-01-07'],
    ]);
    const [warm, history] = sets;
    expect(warm!.entries.map((e) => e.raw)).toEqual([
      'Glass Heron - Slow Tide & Foam',
      'Velvet Orbit - Neon Harbour',
      'ID',
    ]);
    expect(warm!.issues[0]).toMatchObject({ severity: 'warning', field: 'TRACK/@Key', line: 17 });
    expect(history!.entries[0]).toMatchObject({
      bpm: 124,
      key: '8A',
      year: 2019,
      genre: 'Deep House',
      durationSeconds: 371,
      label: 'Driftwood',
    });
    expect(history!.entries[1]).toMatchObject({
      raw: 'Kira Moss - Paper Suns (Ostrava Remix)',
      version: 'Ostrava Remix',
      remixer: 'Ostrava',
      bpm: 125.5,
      key: 'Am',
      year: null,
    });
    expect(history!.entries[2]).toMatchObject({ raw: 'Marlow Finch - Copper Rain', bpm: null, key: null });
  });

  it('readCollection streams the library tracks', async () => {
    const tracks = [];
    for await (const t of readCollection(fixture('library.xml'))) tracks.push(t);
    expect(tracks.map((t) => [t.id, t.raw, t.bpm])).toEqual([
      ['11', 'Velvet Orbit - Neon Harbour', 124],
      ['12', 'Kira Moss - Paper Suns (Ostrava Remix)', 125.5],
      ['13', 'Glass Heron - Slow Tide & Foam', null],
      ['14', 'Marlow Finch - Copper Rain', null],
    ]);
  });
});

describe('traktor', () => {
  it('reads a history in play order with deck and start time, and a playlist', async () => {
    const { sets } = await collect(fixture('history.nml'));
    expect(sets.map((s) => [s.kind, s.title, s.date, s.externalId])).toEqual([
      ['history', 'HISTORY', '2023-04-07', 'history'],
      ['playlist', 'Favourites', undefined, 'bbbb2222'],
    ]);
    const h = sets[0]!.entries;
    expect(h.map((e) => [e.raw, e.deck, e.playedAt])).toEqual([
      ['Kira Moss - Paper Suns (Ostrava Remix)', 0, '2023-04-07T23:00:00'],
      ['Velvet Orbit - Neon Harbour', 1, '2023-04-07T23:05:00'],
      ['Marlow Finch - Copper Rain', 0, '2023-04-08T00:02:00'],
    ]);
    expect(h[0]).toMatchObject({
      bpm: 125.5,
      key: '9',
      remixer: 'Ostrava',
      genre: 'House',
      durationSeconds: 422,
    });
    expect(h[1]).toMatchObject({ bpm: 124, key: '8m', label: 'Driftwood', year: 2019 });
    expect(sets[0]!.issues[0]).toMatchObject({ field: 'PRIMARYKEY/@KEY', position: 3 });
    expect(sets[1]!.entries.map((e) => e.raw)).toEqual([
      'Glass Heron - Slow Tide',
      'Velvet Orbit - Neon Harbour',
    ]);
  });

  it('readCollection streams the collection entries', async () => {
    const tracks = [];
    for await (const t of readCollection(fixture('history.nml'))) tracks.push(t);
    expect(tracks.map((t) => [t.id, t.key])).toEqual([
      ['Disk/:Music/:neon.mp3', '8m'],
      ['Disk/:Music/:paper.mp3', '9'],
      ['Disk/:Music/:slow.mp3', null],
    ]);
  });
});

describe('1001tracklists', () => {
  it('reads set data, cue times, w/ rows, mashup parts, and keeps markup in names as text', async () => {
    const { sets } = await collect(fixture('tracklist-1001.html'));
    const s = sets[0]!;
    expect(s).toMatchObject({
      source: '1001tracklists',
      externalId: 'abc123',
      date: '2022-08-20',
      performers: ['Lina Crest', 'Oren Dusk'],
      title: 'Lina Crest & Oren Dusk - Harbour Festival 2022-08-20',
    });
    expect(s.entries.map((e) => [e.raw, e.cueSeconds, e.withPrevious])).toEqual([
      ['Velvet Orbit - Neon Harbour', 0, undefined],
      ['Kira Moss - Paper Suns (Ostrava Remix)', 312, undefined],
      ['Glass Heron - Slow Tide <script>alert(1)</script>', undefined, true],
      ['ID - ID', undefined, undefined],
      ['Marlow Finch - Copper Rain', undefined, true],
    ]);
    expect(s.entries[0]!.label).toBe('DRIFTWOOD');
  });
});

describe('mixesdb', () => {
  it('reads a mix page: title → date, performers, event; the Tracklist list only', async () => {
    const { sets } = await collect(fixture('mixesdb-page.html'));
    const s = sets[0]!;
    expect(s).toMatchObject({
      source: 'mixesdb',
      date: '2019-05-04',
      performers: ['Lina Crest', 'Oren Dusk'],
      event: 'Harbour Club, Ostrava',
      kind: 'live_set',
      externalId: '2019-05-04_-_Lina_Crest_b2b_Oren_Dusk_@_Harbour_Club,_Ostrava',
    });
    expect(s.entries.map((e) => e.raw)).toEqual([
      '[00] Velvet Orbit - Neon Harbour [Driftwood - DW 001]',
      '[06] Kira Moss - Paper Suns (Ostrava Remix) [Driftwood]',
      '[12] ?',
    ]);
  });

  it('reads ?action=raw wikitext, with the title from the file name', async () => {
    const { sets } = await collect(fixture('2020-02-29_-_Oren_Dusk_-_Night_Shift_12.wiki'));
    const s = sets[0]!;
    expect(s).toMatchObject({ date: '2020-02-29', performers: ['Oren Dusk'], event: 'Night Shift 12' });
    expect(s.entries.map((e) => [e.line, e.raw])).toEqual([
      [5, '[00] Velvet Orbit - Neon Harbour [Driftwood]'],
      [6, '[04] Kira Moss - Paper Suns (Ostrava Remix)'],
      [7, '[09] Glass Heron - Slow Tide'],
    ]);
  });
});
