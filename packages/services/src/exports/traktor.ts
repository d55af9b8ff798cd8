// Traktor NML (version 19, as Traktor Pro 3 writes it): a COLLECTION of the playlist's distinct
// tracks and one PLAYLIST of TYPE="LIST" under the $ROOT folder. Traktor keys every track by its file
// location (VOLUME + DIR + FILE, which each playlist ENTRY's PRIMARYKEY repeats). SongNodes does not
// know where the user's files are, so each track gets a location inside a `SongNodes` folder named by
// its SongNodes id (`/:SongNodes/:track-42`): Traktor shows the entries as missing files until they
// are relocated, and the names, BPM and keys are there to find them by.
import { createHash } from 'node:crypto';
import { type CamelotKey, openKeyName, pitchOfCamelot } from '@songnodes/core';
import type { PlaylistTrack } from '@songnodes/db';
import type { Chunks, Playlist } from './types.ts';
import { attrs } from './xml.ts';

const DIR = '/:SongNodes/:';
const file = (t: PlaylistTrack) => `track-${t.id}`;

/** Traktor's MUSICAL_KEY VALUE: 0–11 = C … B major, 12–23 = C … B minor. */
function traktorKeyValue(key: CamelotKey): number {
  const { pitchClass, minor } = pitchOfCamelot(key);
  return pitchClass + (minor ? 12 : 0);
}

export function* writeTraktorNml(p: Playlist): Chunks {
  const distinct = [...new Map(p.tracks.map((t) => [t.id, t])).values()];
  // The same playlist exported twice gets the same UUID, so importing it again replaces it.
  const uuid = createHash('sha256')
    .update(`${p.name}\n${p.tracks.map((t) => t.id).join(',')}`)
    .digest('hex')
    .slice(0, 32);
  yield '<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n';
  // HEAD as Traktor writes it (other tools that write NML for Traktor do the same).
  yield '<NML VERSION="19"><HEAD COMPANY="www.native-instruments.com" PROGRAM="Traktor"></HEAD>\n';
  yield `<COLLECTION ENTRIES="${distinct.length}">\n`;
  for (const t of distinct) {
    const key = t.key as CamelotKey | null;
    yield `<ENTRY${attrs({ TITLE: t.title, ARTIST: t.artist })}>`;
    yield `<LOCATION${attrs({ DIR, FILE: file(t), VOLUME: '', VOLUMEID: '' })}></LOCATION>`;
    yield `<INFO${attrs({
      GENRE: t.genre,
      MIX: t.version,
      REMIXER: t.remixers.length > 0 ? t.remixers.join(' & ') : null,
      KEY: key === null ? null : openKeyName(key),
      PLAYTIME: t.durationSeconds === null ? null : Math.round(t.durationSeconds),
    })}></INFO>`;
    if (t.bpm !== null) yield `<TEMPO BPM="${t.bpm.toFixed(6)}" BPM_QUALITY="100"></TEMPO>`;
    if (key !== null) yield `<MUSICAL_KEY VALUE="${traktorKeyValue(key)}"></MUSICAL_KEY>`;
    yield '</ENTRY>\n';
  }
  yield '</COLLECTION>\n';
  yield '<PLAYLISTS><NODE TYPE="FOLDER" NAME="$ROOT"><SUBNODES COUNT="1">\n';
  yield `<NODE${attrs({ TYPE: 'PLAYLIST', NAME: p.name })}><PLAYLIST${attrs({ ENTRIES: p.tracks.length, TYPE: 'LIST', UUID: uuid })}>\n`;
  for (const t of p.tracks)
    yield `<ENTRY><PRIMARYKEY${attrs({ TYPE: 'TRACK', KEY: `${DIR}${file(t)}` })}></PRIMARYKEY></ENTRY>\n`;
  yield '</PLAYLIST></NODE>\n';
  yield '</SUBNODES></NODE></PLAYLISTS>\n';
  yield '</NML>\n';
}
