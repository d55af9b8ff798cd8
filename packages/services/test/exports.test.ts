// The export writers on their own: every playlist format reads back through our importers to the same
// tracks in the same order (names full of XML and CSV metacharacters, a repeated track, unknown BPM,
// key and length left unknown); GEXF and GraphML validate against their published schemas with
// xmllint (test/exports-xsd/SOURCE.md says where the schemas come from).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CamelotKey,
  isUnreadable,
  type ParsedSet,
  parseKey,
  parseTrack,
  trackIdentity,
} from '@songnodes/core';
import type { GraphExport, PlaylistTrack } from '@songnodes/db';
import { readSets } from '@songnodes/importers';
import { afterAll, describe, expect, it } from 'vitest';
import { downloadName } from '../src/exports/export-job.ts';
import { PLAYLIST_FORMATS, writeGraph, writePlaylist } from '../src/exports/formats.ts';
import { trackLine } from '../src/exports/track-name.ts';
import type { Playlist } from '../src/exports/types.ts';

const track = (id: number, artist: string, title: string, o: Partial<PlaylistTrack> = {}): PlaylistTrack => ({
  id,
  artist,
  title,
  version: null,
  bpm: null,
  key: null,
  genre: null,
  durationSeconds: null,
  remixers: [],
  ...o,
});

const TRACKS = [
  track(1, 'Daft Punk', 'Around the World', {
    bpm: 121.5,
    key: '4A',
    durationSeconds: 429.3,
    genre: 'House',
  }),
  track(2, 'Röyksopp', 'Eple', {
    version: 'Nox Remix',
    remixers: ['Nox'],
    bpm: 124,
    key: '8B',
    durationSeconds: 372,
  }),
  track(3, 'A & B', 'Less <Than> & "Quoted" \'Title\'', { genre: 'R&B <Soul>' }),
  track(4, 'Kay Loom', 'Sundial, Part 2; Dawn', { key: '12A', durationSeconds: 301 }),
];
// A track played twice: the playlist keeps both, the collection holds it once.
const PLAYLIST: Playlist = { name: 'Warm-up <b> & "friends"', tracks: [...TRACKS, TRACKS[1]!] };

const text = (chunks: Iterable<string>) => [...chunks].join('');
async function* bytes(s: string): AsyncIterable<Uint8Array> {
  yield Buffer.from(s, 'utf8');
}
async function readBack(file: string, name: string): Promise<ParsedSet[]> {
  const sets: ParsedSet[] = [];
  for await (const item of readSets(bytes(file), { file: name })) {
    if (isUnreadable(item)) throw new Error(item.issue.message);
    sets.push(item);
  }
  return sets;
}
const identityOf = (x: { raw?: string; artist?: string; title?: string; version?: string | null }) =>
  trackIdentity(parseTrack({ raw: x.raw, artist: x.artist, title: x.title, version: x.version ?? undefined }))
    ?.key;

const EXTENSIONS = { m3u8: 'm3u8', rekordbox: 'xml', traktor: 'nml', csv: 'csv', json: 'json' } as const;

describe('playlist exports read back through our importers', () => {
  for (const format of PLAYLIST_FORMATS) {
    it(`${format}: the same tracks in the same order, values as known`, async () => {
      const file = text(writePlaylist(format, PLAYLIST));
      const sets = await readBack(file, `export.${EXTENSIONS[format]}`);
      expect(sets).toHaveLength(1);
      const entries = sets[0]!.entries;
      expect(entries.map((e) => identityOf(e))).toEqual(PLAYLIST.tracks.map((t) => identityOf(t)));
      expect(entries.every((e) => identityOf(e) !== undefined)).toBe(true);
      expect(entries.map((e) => e.bpm ?? null)).toEqual(PLAYLIST.tracks.map((t) => t.bpm));
      expect(entries.map((e) => parseKey(e.key ?? null))).toEqual(PLAYLIST.tracks.map((t) => t.key));
      expect(entries.map((e) => (e.durationSeconds ? Math.round(e.durationSeconds) : null))).toEqual(
        PLAYLIST.tracks.map((t) => (t.durationSeconds === null ? null : Math.round(t.durationSeconds))),
      );
      if (format !== 'csv') expect(sets[0]!.title).toBe(PLAYLIST.name);
      if (format === 'json')
        expect(entries.map((e) => e.remixer ?? null)).toEqual(
          PLAYLIST.tracks.map((t) => t.remixers.join(' & ') || null),
        );
    });
  }

  it('Rekordbox XML: PRODUCT, a collection of distinct tracks, ROOT Type 0 and a playlist whose Entries match', () => {
    const xml = text(writePlaylist('rekordbox', PLAYLIST));
    expect(xml).toMatch(/<PRODUCT Name="SongNodes" Version="[^"]+" Company="SongNodes"\/>/);
    expect(xml).toContain('<COLLECTION Entries="4">');
    expect(xml.match(/<TRACK TrackID=/g)).toHaveLength(4);
    expect(xml).toContain('<NODE Type="0" Name="ROOT" Count="1">');
    expect(xml).toContain(`Type="1" KeyType="0" Entries="${PLAYLIST.tracks.length}"`);
    expect(xml.match(/<TRACK Key="\d+"\/>/g)).toHaveLength(PLAYLIST.tracks.length);
    // Known values in Rekordbox's notation; unknown ones are absent, never 0 or a default key.
    expect(xml).toContain(
      'TrackID="1" Name="Around the World" Artist="Daft Punk" Genre="House" TotalTime="429" AverageBpm="121.50" Tonality="Fm"',
    );
    expect(xml).toMatch(
      /<TRACK TrackID="3" Name="Less &lt;Than&gt; &amp; &quot;Quoted&quot; &apos;Title&apos;" Artist="A &amp; B" Genre="R&amp;B &lt;Soul&gt;"\/>/,
    );
    expect(xml).toContain('Name="Eple" Artist="Röyksopp" Mix="Nox Remix" Remixer="Nox"');
    // We know no file paths: no Location rather than a made-up one.
    expect(xml).not.toContain('Location=');
  });

  it('Traktor NML: a collection entry per distinct track, BPM and key only where known', () => {
    const nml = text(writePlaylist('traktor', PLAYLIST));
    expect(nml).toContain('<COLLECTION ENTRIES="4">');
    expect(nml).toContain(`<PLAYLIST ENTRIES="${PLAYLIST.tracks.length}" TYPE="LIST"`);
    const third = nml.split('\n').find((l) => l.includes('FILE="track-3"'))!;
    expect(third).not.toContain('<TEMPO');
    expect(third).not.toContain('MUSICAL_KEY');
    // Same playlist, same UUID: importing an export again replaces the playlist instead of adding one.
    expect(text(writePlaylist('traktor', PLAYLIST))).toBe(nml);
  });

  it('M3U8: #EXTINF with the length (-1 when unknown), VirtualDJ tags where known, a name on one line', () => {
    const m3u = text(writePlaylist('m3u8', { name: 'Two\nlines', tracks: [TRACKS[0]!, TRACKS[2]!] }));
    expect(m3u.split('\n')).toEqual([
      '#EXTM3U',
      '#PLAYLIST:Two lines',
      `#EXTINF:429,${trackLine(TRACKS[0]!)}`,
      '#EXTVDJ:<artist>Daft Punk</artist><title>Around the World</title><songlength>429</songlength><bpm>121.5</bpm><key>Fm</key>',
      trackLine(TRACKS[0]!),
      `#EXTINF:-1,${trackLine(TRACKS[2]!)}`,
      '#EXTVDJ:<artist>A &amp; B</artist><title>Less &lt;Than&gt; &amp; &quot;Quoted&quot; &apos;Title&apos;</title>',
      trackLine(TRACKS[2]!),
      '',
    ]);
  });

  it('names a download after the playlist, without characters file systems refuse', () => {
    expect(downloadName('Set: A/B <live> "2024"', 'xml')).toBe('Set_ A_B _live_ _2024_.xml');
    expect(downloadName('Café Nuit', 'm3u8')).toBe('Café Nuit.m3u8');
    expect(downloadName('...', 'csv')).toBe('songnodes-export.csv');
  });
});

const GRAPH: GraphExport = {
  nodes: [
    { ...TRACKS[0]!, artists: ['Daft Punk'], community: 0, plays: 12 },
    { ...TRACKS[1]!, artists: ['Röyksopp', 'Nox'], community: 1, plays: 3 },
    { ...TRACKS[2]!, artists: ['A & B'], community: null, plays: 1 },
  ],
  edges: [
    { from: 1, to: 2, count: 5, djs: 3, sets: 4 },
    { from: 2, to: 3, count: 1, djs: 1, sets: 1 },
  ],
};
const META = { created: '2026-11-30T12:00:00.000Z', description: 'test <graph> & co' };

const xmllint = spawnSync('xmllint', ['--version']).status === 0;
const schemas = join(import.meta.dirname, 'exports-xsd');

describe('graph exports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'songnodes-export-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const validate = (file: string, name: string, xsd: string) => {
    const path = join(dir, name);
    writeFileSync(path, file);
    // Throws (with xmllint's complaint) when the file is not valid.
    return execFileSync('xmllint', ['--noout', '--schema', join(schemas, xsd), path], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  };
  // CI installs xmllint (libxml2-utils); elsewhere the schema checks skip when it is missing.
  const withXmllint = xmllint || process.env.CI ? it : it.skip;

  withXmllint('GEXF 1.3 validates against the published schema', () => {
    validate(text(writeGraph('gexf', GRAPH, META)), 'g.gexf', 'gexf-1.3/gexf.xsd');
  });

  withXmllint('GraphML validates against the published schema', () => {
    validate(text(writeGraph('graphml', GRAPH, {} as never)), 'g.graphml', 'graphml-1.0/graphml.xsd');
  });

  withXmllint('the schema check can fail: a GEXF edge without its target is refused', () => {
    const broken = text(writeGraph('gexf', GRAPH, META)).replace(' target="2"', '');
    expect(() => validate(broken, 'broken.gexf', 'gexf-1.3/gexf.xsd')).toThrow();
  });

  it('GEXF carries label, attributes and weight; unknown values have no attvalue', () => {
    const gexf = text(writeGraph('gexf', GRAPH, META));
    expect(gexf).toContain('<gexf xmlns="http://gexf.net/1.3" version="1.3">');
    expect(gexf).toContain(
      '<node id="1" label="Daft Punk - Around the World"><attvalues><attvalue for="artists" value="Daft Punk"/><attvalue for="bpm" value="121.5"/><attvalue for="key" value="4A"/><attvalue for="genre" value="House"/><attvalue for="community" value="0"/><attvalue for="plays" value="12"/></attvalues></node>',
    );
    expect(gexf).toContain(
      '<node id="3" label="A &amp; B - Less &lt;Than&gt; &amp; &quot;Quoted&quot; &apos;Title&apos;"><attvalues><attvalue for="artists" value="A &amp; B"/><attvalue for="genre" value="R&amp;B &lt;Soul&gt;"/><attvalue for="plays" value="1"/></attvalues></node>',
    );
    expect(gexf).toContain(
      '<edge id="0" source="1" target="2" weight="5"><attvalues><attvalue for="djs" value="3"/><attvalue for="sets" value="4"/></attvalues></edge>',
    );
  });

  it('GraphML declares typed keys; Gephi reads label and weight', () => {
    const graphml = text(writeGraph('graphml', GRAPH, META));
    expect(graphml).toContain('<key id="weight" for="edge" attr.name="weight" attr.type="double"/>');
    expect(graphml).toContain(
      '<node id="n2"><data key="label">Röyksopp - Eple (Nox Remix)</data><data key="artists">Röyksopp; Nox</data><data key="bpm">124</data><data key="key">8B</data><data key="community">1</data><data key="plays">3</data></node>',
    );
    expect(graphml).toContain(
      '<edge source="n1" target="n2"><data key="weight">5</data><data key="djs">3</data><data key="sets">4</data></edge>',
    );
  });

  it('JSON is graphology’s serialisation format with nulls for unknown values', () => {
    const json = JSON.parse(text(writeGraph('json', GRAPH, META)));
    expect(json.options).toEqual({ type: 'directed', multi: false, allowSelfLoops: true });
    expect(json.nodes).toHaveLength(3);
    expect(json.nodes[2]).toEqual({
      key: '3',
      attributes: expect.objectContaining({
        label: trackLine(TRACKS[2]!),
        bpm: null,
        key: null,
        community: null,
      }),
    });
    expect(json.edges[0]).toEqual({ source: '1', target: '2', attributes: { weight: 5, djs: 3, sets: 4 } });
  });

  it('CSV is an edge list Gephi recognises, names quoted where they need it', () => {
    const csv = text(writeGraph('csv', GRAPH, META)).split('\r\n');
    expect(csv[0]).toBe('Source,Target,Type,Weight,DJs,Sets,Source Track,Target Track');
    expect(csv[2]).toBe(
      '2,3,Directed,1,1,1,Röyksopp - Eple (Nox Remix),"A & B - Less <Than> & ""Quoted"" \'Title\'"',
    );
  });

  it('a Camelot key maps to the notation each tool writes', () => {
    const nml = text(writePlaylist('traktor', { name: 'k', tracks: [TRACKS[0]!] }));
    // 4A = F minor: Open Key 9m, Traktor value 5 (F) + 12 (minor).
    expect(nml).toContain('KEY="9m"');
    expect(nml).toContain('<MUSICAL_KEY VALUE="17">');
    expect(parseKey('9m')).toBe('4A' as CamelotKey);
  });
});
