// A playlist in our own JSON set format (`songnodes.set/v1`, read by our JSON importer: docs/formats.md):
// the richest playlist export, with every field we know of each entry (artist, title, version,
// remixers, BPM, Camelot key, genre, length) and, for a set, its performers and date. No source or
// external id: importing the file again makes a new playlist, never a replacement of the set it came from.
import { trackLine } from './track-name.ts';
import type { Chunks, Playlist } from './types.ts';

export function* writePlaylistJson(p: Playlist): Chunks {
  const head = {
    format: 'songnodes.set/v1',
    kind: 'playlist',
    title: p.name,
    performers: p.performers ?? [],
    ...(p.date ? { date: p.date } : {}),
  };
  // The header's closing brace gives way to the entries, one per line.
  yield `${JSON.stringify(head).slice(0, -1)},"entries":[\n`;
  let position = 0;
  for (const t of p.tracks) {
    const entry = {
      position: ++position,
      raw: trackLine(t),
      artist: t.artist,
      title: t.title,
      ...(t.version ? { version: t.version } : {}),
      ...(t.remixers.length > 0 ? { remixer: t.remixers.join(' & ') } : {}),
      ...(t.bpm !== null ? { bpm: t.bpm } : {}),
      ...(t.key !== null ? { key: t.key } : {}),
      ...(t.genre !== null ? { genre: t.genre } : {}),
      ...(t.durationSeconds !== null ? { durationSeconds: t.durationSeconds } : {}),
    };
    // Indented: lines that start with `{` one after another would read as NDJSON (one set per line).
    yield `${position > 1 ? ',\n' : ''}  ${JSON.stringify(entry)}`;
  }
  yield '\n]}\n';
}
