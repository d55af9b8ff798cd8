import { describe, expect, it } from 'vitest';
import { fileTitle } from '../src/formats/m3u.ts';
import { collect } from './helpers.ts';

describe('M3U variants', () => {
  it("reads VirtualDJ's #EXTVDJ tags: artist, title, remix, BPM, key, length, play time", async () => {
    const m3u = [
      '#EXTVDJ:<time>21:39</time><lastplaytime>1700000000</lastplaytime><filesize>9000</filesize><artist>Kay Loom &amp; Mira Vale</artist><title>Sundial</title><remix>Tom Ash Remix</remix><bpm>124.5</bpm><key>8A</key><songlength>376.25</songlength>',
      'C:\\Music\\kay_loom-sundial.mp3',
      '#EXTVDJ:<lastplaytime>1700000400</lastplaytime><artist>Ora</artist><title>Drift</title><remix>feat. Pim Odo</remix>',
      'netsearch://dz715352532',
    ].join('\n');
    const { sets } = await collect(m3u, { format: 'm3u' });
    expect(sets[0]!.kind).toBe('history');
    expect(sets[0]!.entries).toEqual([
      {
        position: 1,
        line: 1,
        raw: 'Kay Loom & Mira Vale - Sundial (Tom Ash Remix)',
        artist: 'Kay Loom & Mira Vale',
        title: 'Sundial',
        version: 'Tom Ash Remix',
        bpm: 124.5,
        key: '8A',
        durationSeconds: 376.25,
        playedAt: '2023-11-14T22:13:20.000Z',
        // A history's cue times count from its first play.
        cueSeconds: 0,
      },
      expect.objectContaining({
        artist: 'Ora feat. Pim Odo',
        title: 'Drift',
        durationSeconds: null,
        cueSeconds: 400,
      }),
    ]);
  });

  it('#EXTINF without an artist takes artist and title from the file name', async () => {
    const m3u =
      '#EXTM3U\n#EXTINF:301,Sundial\n/music/03 Kay Loom - Sundial.m4a\n#EXTINF:200,Ora - Drift\n/x/y.mp3\n';
    const { sets } = await collect(m3u, { format: 'm3u' });
    expect(sets[0]!.entries.map((e) => [e.raw, e.durationSeconds, e.line])).toEqual([
      ['Kay Loom - Sundial', 301, 2],
      ['Ora - Drift', 200, 4],
    ]);
  });

  it.each([
    ['/music/03 Kay Loom - Sundial.m4a', 'Kay Loom - Sundial'],
    ['03. Kay Loom - Sundial.mp3', 'Kay Loom - Sundial'],
    ['12 - Kay Loom - Sundial.flac', 'Kay Loom - Sundial'],
    ['A1 - Kay Loom - Sundial.wav', 'Kay Loom - Sundial'],
    ['file:///m/Kay%20Loom%20-%20Sundial.mp3', 'Kay Loom - Sundial'],
    // Artists whose names start with a number keep it.
    ['808 Crew - Sundial.mp3', '808 Crew - Sundial'],
    ['10 Lanterns - Sundial.mp3', '10 Lanterns - Sundial'],
    ['Kay_Loom_-_Sundial.mp3', 'Kay Loom - Sundial'],
  ])('fileTitle(%j) = %j', (path, expected) => {
    expect(fileTitle(path)).toBe(expected);
  });
});
