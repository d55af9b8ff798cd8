// A playlist as CSV (RFC 4180, CRLF), one row per entry with the columns our CSV importer and
// spreadsheets recognise by name; keys in Camelot notation. Unknown values are empty cells.

import { formatDuration } from '@songnodes/core';
import { csvLine } from '@songnodes/db';
import type { Chunks, Playlist } from './types.ts';

export function* writePlaylistCsv(p: Playlist): Chunks {
  yield csvLine([
    'Position',
    'Artist',
    'Title',
    'Version',
    'Remixer',
    'BPM',
    'Key',
    'Length',
    'Genre',
    'Playlist Name',
  ]);
  let position = 0;
  for (const t of p.tracks)
    yield csvLine([
      ++position,
      t.artist,
      t.title,
      t.version,
      t.remixers.join(' & '),
      t.bpm,
      t.key,
      t.durationSeconds === null ? null : formatDuration(t.durationSeconds),
      t.genre,
      p.name,
    ]);
}
