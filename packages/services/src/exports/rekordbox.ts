// Rekordbox XML (the "rekordbox xml" library format): DJ_PLAYLISTS with PRODUCT, a COLLECTION of the
// playlist's distinct tracks (name, artist, mix, remixers, genre, length, BPM, key), and PLAYLISTS with a ROOT folder (Type="0") holding one playlist
// (Type="1", KeyType="0": entries refer to TrackID) whose Entries count its TRACK children.
// Rekordbox writes Tonality as a key name (`Am`, `F#m`, `Db`), AverageBpm with two decimals and
// TotalTime in whole seconds. Location is left out: SongNodes does not know where the user's files
// are, and a made-up path would point Rekordbox at a file that is not there.
import { type CamelotKey, musicalKeyName } from '@songnodes/core';
import type { Chunks, Playlist } from './types.ts';
import { attrs } from './xml.ts';

export function* writeRekordboxXml(p: Playlist, product: { version: string }): Chunks {
  const distinct = [...new Map(p.tracks.map((t) => [t.id, t])).values()];
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<DJ_PLAYLISTS Version="1.0.0">\n';
  yield `  <PRODUCT${attrs({ Name: 'SongNodes', Version: product.version, Company: 'SongNodes' })}/>\n`;
  yield `  <COLLECTION Entries="${distinct.length}">\n`;
  for (const t of distinct)
    yield `    <TRACK${attrs({
      TrackID: t.id,
      Name: t.title,
      Artist: t.artist,
      Mix: t.version,
      Remixer: t.remixers.length > 0 ? t.remixers.join(' & ') : null,
      Genre: t.genre,
      TotalTime: t.durationSeconds === null ? null : Math.round(t.durationSeconds),
      AverageBpm: t.bpm === null ? null : t.bpm.toFixed(2),
      Tonality: t.key === null ? null : musicalKeyName(t.key as CamelotKey),
    })}/>\n`;
  yield '  </COLLECTION>\n';
  yield '  <PLAYLISTS>\n';
  yield '    <NODE Type="0" Name="ROOT" Count="1">\n';
  yield `      <NODE${attrs({ Name: p.name, Type: 1, KeyType: 0, Entries: p.tracks.length })}>\n`;
  for (const t of p.tracks) yield `        <TRACK Key="${t.id}"/>\n`;
  yield '      </NODE>\n';
  yield '    </NODE>\n';
  yield '  </PLAYLISTS>\n';
  yield '</DJ_PLAYLISTS>\n';
}
