import { describe, expect, it } from 'vitest';
import { collect } from './helpers.ts';

const utf16le = (text: string): AsyncIterable<Uint8Array> =>
  (async function* () {
    const body = Buffer.from(text, 'utf16le');
    yield new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
  })();

describe('CSV columns read with their meaning', () => {
  it('Rekordbox TXT (UTF-16, tab-separated): Time is each track length, not a cue', async () => {
    const txt = [
      '#\tArtwork\tTrack Title\tArtist\tAlbum\tGenre\tBPM\tRating\tTime\tKey\tDate Added',
      '1\t\tNeon Harbour\tVelvet Orbit\tNight\tDeep House\t124.00\t0\t06:10\t8A\t2021-06-05',
      '2\t\tPaper Suns\tKira Moss\t\tHouse\t125.50\t0\t07:02\tAm\t2021-06-05',
      '3\t\tSlow Tide\tGlass Heron\t\tHouse\t126.00\t0\t05:31\t\t2021-06-06',
    ].join('\r\n');
    const { sets } = await collect(utf16le(txt));
    expect(sets[0]!.entries.map((e) => [e.raw, e.durationSeconds, e.cueSeconds, e.bpm, e.key])).toEqual([
      ['Velvet Orbit - Neon Harbour', 370, undefined, 124, '8A'],
      ['Kira Moss - Paper Suns', 422, undefined, 125.5, 'Am'],
      ['Glass Heron - Slow Tide', 331, undefined, 126, undefined],
    ]);
  });

  it('a Time column that runs forward from the start is a cue time', async () => {
    const { sets } = await collect('Artist,Title,Time\nA,One,0:00\nB,Two,5:12\nC,Three,11:40\n');
    expect(sets[0]!.entries.map((e) => [e.cueSeconds, e.durationSeconds])).toEqual([
      [0, undefined],
      [312, undefined],
      [700, undefined],
    ]);
  });

  it('Serato history CSV: the session row is the set, start times become cues, play time is not length', async () => {
    const csv = [
      'name,artist,start time,end time,playtime,deck,notes',
      '"10/09/08",,"10/09/08 23:50:00","10/09/08 01:28:16",01:38:16,,',
      'Neon Harbour,Velvet Orbit,23:52:10,23:57:40,00:05:30,left,',
      'Paper Suns,Kira Moss,23:57:30,00:03:05,00:05:35,right,',
      'Slow Tide,Glass Heron,00:03:00,00:08:00,00:05:00,left,',
    ].join('\n');
    const { sets } = await collect(csv);
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ kind: 'history', title: '10/09/08' });
    expect(sets[0]!.entries.map((e) => [e.raw, e.cueSeconds, e.durationSeconds])).toEqual([
      ['Velvet Orbit - Neon Harbour', 130, undefined],
      ['Kira Moss - Paper Suns', 450, undefined],
      ['Glass Heron - Slow Tide', 780, undefined],
    ]);
  });

  it('a Serato session row named with a two-digit year is still the session', async () => {
    const csv =
      'name,artist,start time,end time,playtime,deck\n03/11/23,,22:58:40,00:21:05,01:22:25,\nNeon Harbour,Velvet Orbit,23:00:05,23:06:10,00:06:05,1\n';
    const { sets } = await collect(csv);
    expect(sets[0]).toMatchObject({ kind: 'history', title: '03/11/23' });
    expect(sets[0]!.entries.map((e) => [e.raw, e.cueSeconds])).toEqual([['Velvet Orbit - Neon Harbour', 85]]);
  });

  it('Serato history TXT: fixed-width columns', async () => {
    const txt = [
      'name                 artist          start time   end time     playtime   deck',
      '2019-03-01                           21:00:00     23:00:00     02:00:00',
      'Neon Harbour         Velvet Orbit    21:00:10     21:05:40     00:05:30   1',
      'Paper Suns (Edit)    Kira Moss       21:05:30     21:11:05     00:05:35   2',
    ].join('\n');
    const { sets } = await collect(txt, { file: 'history.txt' });
    expect(sets[0]).toMatchObject({ kind: 'history', date: '2019-03-01' });
    expect(sets[0]!.entries.map((e) => [e.artist, e.title, e.cueSeconds, e.deck])).toEqual([
      ['Velvet Orbit', 'Neon Harbour', 10, 1],
      ['Kira Moss', 'Paper Suns (Edit)', 330, 2],
    ]);
  });

  it('Spotify-playlist exporter: durations in milliseconds, key as pitch class and mode', async () => {
    const csv = [
      '"Track URI","Track Name","Artist Name(s)","Album Name","Duration (ms)","Tempo","Key","Mode"',
      '"spotify:track:1","Neon Harbour","Velvet Orbit","Night","370123","124.012","9","0"',
      '"spotify:track:2","Paper Suns","Kira Moss,Tessa Vale","","215500","125","0","1"',
      '"spotify:track:3","Slow Tide","Glass Heron","","200000","126","-1","1"',
    ].join('\n');
    const { sets } = await collect(csv);
    expect(sets[0]!.entries.map((e) => [e.durationSeconds, e.bpm, e.key])).toEqual([
      [370.123, 124.012, 'A minor'],
      [215.5, 125, 'C major'],
      [200, 126, undefined],
    ]);
  });

  it('a Duration column in milliseconds is read as such', async () => {
    const { sets } = await collect('artist,title,duration\nA,One,370123\nB,Two,215500\n');
    expect(sets[0]!.entries.map((e) => e.durationSeconds)).toEqual([370.123, 215.5]);
  });

  it('a column naming the mix splits rows into sets', async () => {
    const csv = [
      'Mix,Artist,Title',
      ...['Harbour Sessions 01', 'Harbour Sessions 02'].flatMap((m) => [
        `${m},A,One`,
        `${m},B,Two`,
        `${m},C,Three`,
      ]),
    ].join('\n');
    const { sets } = await collect(csv);
    expect(sets.map((s) => [s.title, s.entries.length])).toEqual([
      ['Harbour Sessions 01', 3],
      ['Harbour Sessions 02', 3],
    ]);
    expect(sets[0]!.entries[0]!.version).toBeUndefined();
  });

  it('a Mix column that names versions stays the version', async () => {
    const { sets } = await collect(
      'Artist,Title,Mix\nA,One,Original Mix\nB,Two,Tom Ash Remix\nC,Three,Original Mix\n',
    );
    expect(sets).toHaveLength(1);
    expect(sets[0]!.entries.map((e) => e.version)).toEqual(['Original Mix', 'Tom Ash Remix', 'Original Mix']);
  });

  it('MixesDB-style minute timestamps: 05 is minute 5', async () => {
    const { sets } = await collect('Time,Artist,Title\n00,A,One\n05,B,Two\n12,C,Three\n');
    expect(sets[0]!.entries.map((e) => e.cueSeconds)).toEqual([0, 300, 720]);
    const seconds = await collect('Cue,Artist,Title\n0,A,One\n312,B,Two\n700,C,Three\n');
    expect(seconds.sets[0]!.entries.map((e) => e.cueSeconds)).toEqual([0, 312, 700]);
  });
});
