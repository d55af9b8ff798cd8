// Extended M3U in UTF-8. Before each entry: `#EXTINF:<seconds>,Artist - Title (Version)`, which every
// player reads, and VirtualDJ's `#EXTVDJ:` tags (`<artist>`, `<title>`, `<remix>`, `<songlength>`,
// `<bpm>`, `<key>`, only those known), which VirtualDJ and our importer read as separate fields, so a
// version that does not read as one inside brackets survives and BPM and key travel too; other
// programs skip the line as a comment. SongNodes knows no file paths, so the location line repeats the
// track's name (path separators made harmless): DJ software lists the entries as missing files, to be
// relocated.
import { type CamelotKey, musicalKeyName } from '@songnodes/core';
import { trackLine } from './track-name.ts';
import type { Chunks, Playlist } from './types.ts';
import { xml } from './xml.ts';

/** One line of text: an M3U line ends at a line break, so none may be inside a value. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

const tag = (name: string, value: string | number | null) =>
  value === null ? '' : `<${name}>${xml(oneLine(String(value)))}</${name}>`;

export function* writeM3u8(p: Playlist): Chunks {
  yield '#EXTM3U\n';
  yield `#PLAYLIST:${oneLine(p.name)}\n`;
  for (const t of p.tracks) {
    const name = oneLine(trackLine(t));
    const seconds = t.durationSeconds === null ? -1 : Math.round(t.durationSeconds);
    yield `#EXTINF:${seconds},${name}\n`;
    yield `#EXTVDJ:${tag('artist', t.artist)}${tag('title', t.title)}${tag('remix', t.version)}${tag(
      'songlength',
      t.durationSeconds === null ? null : Math.round(t.durationSeconds),
    )}${tag('bpm', t.bpm)}${tag('key', t.key === null ? null : musicalKeyName(t.key as CamelotKey))}\n`;
    yield `${name.replace(/[/\\:]/g, '_')}\n`;
  }
}
