// Extended M3U in UTF-8: `#EXTINF:<seconds>,Artist - Title (Version)` before each entry. SongNodes
// knows no file paths, so the location line repeats the track's name (with path separators made
// harmless): DJ software lists the entries as missing files, to be relocated; our importer and any
// reader that trusts #EXTINF get the track from the name.
import { trackLine } from './track-name.ts';
import type { Chunks, Playlist } from './types.ts';

/** One line of text: an M3U line ends at a line break, so none may be inside a value. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

export function* writeM3u8(p: Playlist): Chunks {
  yield '#EXTM3U\n';
  yield `#PLAYLIST:${oneLine(p.name)}\n`;
  for (const t of p.tracks) {
    const name = oneLine(trackLine(t));
    const seconds = t.durationSeconds === null ? -1 : Math.round(t.durationSeconds);
    yield `#EXTINF:${seconds},${name}\n`;
    yield `${name.replace(/[/\\:]/g, '_')}\n`;
  }
}
