import { describe, expect, it } from 'vitest';
import { detectFormat } from '../src/index.ts';
import { collect, generated } from './helpers.ts';

const bytes = (...parts: (number[] | Uint8Array)[]): AsyncIterable<Uint8Array> =>
  (async function* () {
    for (const p of parts) yield Uint8Array.from(p);
  })();

describe('bad input', () => {
  it('empty file → one unreadable item saying so', async () => {
    const { items } = await collect(bytes([]));
    expect(items).toEqual([{ unreadable: true, issue: { severity: 'error', message: 'file is empty' } }]);
  });

  it('whitespace-only text → refused as having no content', async () => {
    const { unreadable, sets } = await collect('\n\n   \n');
    expect(sets).toEqual([]);
    expect(unreadable[0]!.issue.message).toMatch(/no content/);
  });

  it('binary file → refused, not parsed', async () => {
    const png = [
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0,
    ];
    const { items } = await collect(bytes(png), { file: 'cover.png' });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ unreadable: true, issue: { file: 'cover.png' } });
    expect((items[0] as { issue: { message: string } }).issue.message).toMatch(/binary/);
    expect(detectFormat(Uint8Array.from(png))).toBeNull();
  });

  it.each([
    ['utf-16le', [0xff, 0xfe], (s: string) => Buffer.from(s, 'utf16le')],
    ['utf-16be', [0xfe, 0xff], (s: string) => Buffer.from(s, 'utf16le').swap16()],
  ])('%s with BOM is decoded', async (_name, bom, encode) => {
    const text = 'Artist,Title\nRégine,Reine de la Nuit\nBjörk,Jóga\n';
    const { sets } = await collect(bytes(bom, encode(text)));
    expect(sets[0]!.entries.map((e) => e.raw)).toEqual(['Régine - Reine de la Nuit', 'Björk - Jóga']);
  });

  it('Latin-1 (Windows-1252) is decoded with a warning naming the line', async () => {
    const latin1 = Buffer.from(
      'Velvet Orbit - Neon Harbour\nR\xe9gine - Reine de la Nuit \x96 Edit\n',
      'latin1',
    );
    const { sets } = await collect(bytes(latin1));
    expect(sets[0]!.entries.map((e) => e.raw)).toEqual([
      'Velvet Orbit - Neon Harbour',
      'Régine - Reine de la Nuit – Edit',
    ]);
    expect(sets[0]!.issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', field: 'encoding', line: 1 }),
    );
  });

  it('a 1 GB single line is capped: a clear issue with its line, bounded memory, the rest kept', async () => {
    const mib = 'x'.repeat(1024 * 1024);
    const before = process.memoryUsage().rss;
    const input = generated(function* () {
      yield 'Velvet Orbit - Neon Harbour\n';
      for (let i = 0; i < 1024; i++) yield mib;
      yield '\nKira Moss - Paper Suns\n';
    });
    const { sets } = await collect(input, { format: 'text' });
    const grown = process.memoryUsage().rss - before;
    expect(sets[0]!.entries.map((e) => e.raw)).toEqual([
      'Velvet Orbit - Neon Harbour',
      'Kira Moss - Paper Suns',
    ]);
    expect(sets[0]!.issues).toContainEqual(expect.objectContaining({ severity: 'error', line: 2 }));
    expect(sets[0]!.issues[0]!.message).toMatch(/line 2 is longer than 65536 characters/);
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);

  it('XML bomb: a DOCTYPE with entities is refused and nothing is expanded', async () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<DJ_PLAYLISTS Version="1.0.0"><COLLECTION><TRACK TrackID="1" Name="&lol2;" Artist="x"/></COLLECTION>
<PLAYLISTS><NODE Type="1" Name="p"><TRACK Key="1"/></NODE></PLAYLISTS></DJ_PLAYLISTS>`;
    const { items } = await collect(bomb, { format: 'rekordbox' });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ unreadable: true, issue: { line: 2 } });
    expect(JSON.stringify(items)).not.toContain('lollol');
    expect((items[0] as { issue: { message: string } }).issue.message).toMatch(/DOCTYPE.*refused/);
  });

  it('an undeclared entity is an error, not expanded', async () => {
    const xml = '<NML VERSION="19"><COLLECTION><ENTRY TITLE="&xxe;"/></COLLECTION></NML>';
    const { items } = await collect(xml, { format: 'traktor' });
    expect((items[0] as { issue: { message: string } }).issue.message).toMatch(/malformed XML at line 1/);
  });

  it('malformed XML: sets before the break come out, then an error with the line', async () => {
    const xml = `<DJ_PLAYLISTS><COLLECTION><TRACK TrackID="1" Name="A" Artist="B"/></COLLECTION>
<PLAYLISTS><NODE Type="1" Name="first"><TRACK Key="1"/></NODE>
<NODE Type="1" Name="second"><TRACK Key="1"></NODE>
</PLAYLISTS></DJ_PLAYLISTS>`;
    const { sets, unreadable } = await collect(xml, { format: 'rekordbox' });
    expect(sets.map((s) => s.title)).toEqual(['first']);
    expect(unreadable[0]!.issue).toMatchObject({ line: 3 });
  });

  it('malformed HTML: a page without tracklist rows is reported, not guessed', async () => {
    const { unreadable } = await collect('<html><body><div class="tlpItem"', { format: '1001tracklists' });
    expect(unreadable[0]!.issue.message).toMatch(/no tracklist rows|no track text/);
    const mixesdb = await collect('<html><title>x - MixesDB</title><body><p>nothing</p></body></html>', {
      format: 'mixesdb',
    });
    expect(mixesdb.unreadable[0]!.issue.message).toMatch(/no tracklist found/);
  });

  it('a stray quote in a CSV field is a character, with a warning naming its line; later rows are read', async () => {
    const csv = 'artist,title\nA,One\nB,Two\nC,"Three\nD,Four\nE,"Five, Six"\n';
    const { sets, unreadable } = await collect(csv, { format: 'csv' });
    expect(unreadable).toEqual([]);
    expect(sets[0]!.entries.map((e) => [e.raw, e.line])).toEqual([
      ['A - One', 2],
      ['B - Two', 3],
      ['C - "Three', 4],
      ['D - Four', 5],
      ['E - Five, Six', 6],
    ]);
    expect(sets[0]!.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 4,
        message: expect.stringMatching(/^a quote opens field 2/),
      }),
    ]);
  });

  it('a stray quote in a tab-separated file does not swallow the rest of it', async () => {
    const rows = Array.from(
      { length: 50 },
      (_, i) => `Artist ${i}\t${i === 3 ? '"Heroes' : `Title ${i}`}\t12${i % 10}`,
    );
    const { sets } = await collect(`Artist\tTitle\tBPM\n${rows.join('\n')}\n`, { format: 'csv' });
    expect(sets[0]!.entries).toHaveLength(50);
    expect(sets[0]!.entries[3]).toMatchObject({ title: '"Heroes', bpm: 123 });
    expect(sets[0]!.entries[4]).toMatchObject({ title: 'Title 4', bpm: 124 });
  });

  it('a quoted field over several lines is still one field when its row is short without it', async () => {
    const csv = 'artist,title,notes\nA,One,"first line\nsecond line"\nB,Two,x\n';
    const { sets } = await collect(csv, { format: 'csv' });
    expect(sets[0]!.entries.map((e) => [e.raw, e.line])).toEqual([
      ['A - One', 2],
      ['B - Two', 4],
    ]);
    expect(sets[0]!.issues).toEqual([]);
  });

  it('bad CSV rows are warnings with their line numbers; the set is kept', async () => {
    const csv = 'artist,title,bpm\nA,One,120\n,,\nB,Two,121,extra\n\nC,Three,122\n';
    const { sets } = await collect(csv, { format: 'csv' });
    expect(sets[0]!.entries.map((e) => e.raw)).toEqual(['A - One', 'B - Two', 'C - Three']);
    expect(sets[0]!.issues.map((i) => [i.line, i.message])).toEqual([
      [3, 'row has neither artist nor title; skipped'],
      [4, '4 fields where the header has 3; the extra ones are ignored'],
    ]);
  });

  it('a NUL character deep in a file is removed from its field with a warning, not the loss of the set', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => `Artist ${i},Title ${i}`);
    const { sets } = await collect(`artist,title\n${rows.join('\n')}\nKay Loom,Sun\u0000dial\n`, {
      format: 'csv',
    });
    expect(sets[0]!.entries.at(-1)).toMatchObject({ raw: 'Kay Loom - Sundial', title: 'Sundial' });
    expect(sets[0]!.issues).toEqual([
      expect.objectContaining({ field: 'raw', line: 402 }),
      expect.objectContaining({ field: 'title', line: 402, message: expect.stringMatching(/NUL/) }),
    ]);
  });

  it('duplicate positions are renumbered in file order with a warning', async () => {
    const set = {
      format: 'songnodes.set/v1',
      entries: [
        { position: 1, raw: 'A - One' },
        { position: 1, raw: 'B - Two' },
        { position: 2, raw: 'C - Three' },
      ],
    };
    const { sets } = await collect(JSON.stringify(set));
    expect(sets[0]!.entries.map((e) => [e.position, e.raw])).toEqual([
      [1, 'A - One'],
      [2, 'B - Two'],
      [3, 'C - Three'],
    ]);
    expect(sets[0]!.issues[0]).toMatchObject({ severity: 'warning', field: 'position', position: 1 });
    const cue = await collect(
      'TRACK 01 AUDIO\n TITLE "a"\n INDEX 01 00:00:00\nTRACK 01 AUDIO\n TITLE "b"\n INDEX 01 01:00:00\n',
    );
    expect(cue.sets[0]!.issues[0]!.message).toMatch(/duplicate TRACK 1 \(also at line 1\)/);
  });

  it('negative or absurd cue times are dropped with a warning; the entry stays', async () => {
    const csv = 'artist,title,cue\nA,One,-0:30\nB,Two,99:00:00\nC,Three,5:00\n';
    const { sets } = await collect(csv, { format: 'csv' });
    expect(sets[0]!.entries.map((e) => e.cueSeconds)).toEqual([null, null, 300]);
    expect(sets[0]!.issues.map((i) => [i.field, i.line])).toEqual([
      ['cueSeconds', 2],
      ['cueSeconds', 3],
    ]);
  });

  it('a 100,000-entry set reads whole', async () => {
    const input = generated(function* () {
      yield 'artist\ttitle\n';
      for (let i = 0; i < 100_000; i++) yield `Artist ${i}\tTitle ${i}\n`;
    });
    const { sets } = await collect(input);
    expect(sets).toHaveLength(1);
    expect(sets[0]!.entries).toHaveLength(100_000);
    expect(sets[0]!.entries.at(-1)).toMatchObject({
      position: 100_000,
      raw: 'Artist 99999 - Title 99999',
      line: 100_001,
    });
  }, 60_000);

  it('HTML/script in track names is kept as text in every format', async () => {
    const name = '<script>alert("x")</script> - <b>Bold</b>';
    const text = await collect(`${name}\n`);
    expect(text.sets[0]!.entries[0]!.raw).toBe(name);
    const csv = await collect(`artist,title\n<img src=x onerror=alert(1)>,<script>t</script>\n`);
    expect(csv.sets[0]!.entries[0]!.raw).toBe('<img src=x onerror=alert(1)> - <script>t</script>');
    const xml = await collect(
      '<DJ_PLAYLISTS><COLLECTION><TRACK TrackID="1" Name="&lt;script&gt;x&lt;/script&gt;" Artist="A"/></COLLECTION><PLAYLISTS><NODE Type="1" Name="p"><TRACK Key="1"/></NODE></PLAYLISTS></DJ_PLAYLISTS>',
    );
    expect(xml.sets[0]!.entries[0]!.raw).toBe('A - <script>x</script>');
  });

  it('NDJSON with 10,000 sets and 3 broken lines: 9,997 sets and 3 unreadable with line numbers', async () => {
    const broken = new Set([17, 5000, 9999]);
    const input = generated(function* () {
      for (let i = 1; i <= 10_000; i++) {
        yield broken.has(i)
          ? `{"format":"songnodes.set/v1","entries":[{"position":1,"raw":"A - B"}\n`
          : `${JSON.stringify({ format: 'songnodes.set/v1', externalId: `s${i}`, entries: [{ position: 1, raw: `A${i} - T${i}` }] })}\n`;
      }
    });
    const { sets, unreadable } = await collect(input);
    expect(sets).toHaveLength(9_997);
    expect(unreadable.map((u) => u.issue.line)).toEqual([17, 5000, 9999]);
    expect(sets.at(-1)!.externalId).toBe('s10000');
  }, 60_000);

  it('a JSON array with one broken element keeps the others', async () => {
    const json = `[\n{"format":"songnodes.set/v1","entries":[{"position":1,"raw":"A - B"}]},\n{"format":"songnodes.set/v1","entries":[{"position":1,"raw":"A - B" oops}]},\n{"format":"songnodes.set/v1","entries":[{"position":1,"raw":"C - D"}]}\n]`;
    const { sets, unreadable } = await collect(json);
    expect(sets.map((s) => s.entries[0]!.raw)).toEqual(['A - B', 'C - D']);
    expect(unreadable[0]!.issue.line).toBe(3);
  });

  it('a missing file is one unreadable item naming it', async () => {
    const { items } = await collect('/nonexistent/dir/tracks.csv');
    expect(items).toHaveLength(1);
    expect((items[0] as { issue: { message: string } }).issue.message).toMatch(
      /nonexistent\/dir\/tracks.csv/,
    );
  });
});
