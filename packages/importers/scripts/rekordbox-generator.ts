// Generates a synthetic Rekordbox XML of any size as a stream of chunks (made-up artists and
// titles), shaped like real exports: many TEMPO/POSITION_MARK children per track, then playlists.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface GeneratedLibrary {
  tracks: number;
  playlists: number;
  tracksPerPlaylist: number;
}

/** About 1.5 KB per track, as in real libraries with beat grids and cue points. */
export function* rekordboxXml({ tracks, playlists, tracksPerPlaylist }: GeneratedLibrary): Iterable<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<DJ_PLAYLISTS Version="1.0.0">\n  <PRODUCT Name="rekordbox" Version="6.8.0" Company="AlphaTheta"/>\n  <COLLECTION Entries="${tracks}">\n`;
  const keys = ['8A', 'Am', 'F#m', 'Bb', '5A', 'Ebm'];
  let batch = '';
  for (let i = 1; i <= tracks; i++) {
    let marks = '';
    for (let m = 0; m < 8; m++) {
      marks += `      <POSITION_MARK Name="" Type="0" Start="${(m * 31.25 + (i % 7)).toFixed(3)}" Num="${m}" Red="40" Green="226" Blue="20"/>\n`;
    }
    batch +=
      `    <TRACK TrackID="${i}" Name="Generated Title ${i}" Artist="Synthetic Artist ${i % 5000}" Composer="" Album="Album ${i % 900}" Grouping="" Genre="House" Kind="MP3 File" Size="${9_000_000 + i}" TotalTime="${300 + (i % 200)}" DiscNumber="0" TrackNumber="${i % 12}" Year="${2000 + (i % 24)}" AverageBpm="${(118 + (i % 20)).toFixed(2)}" DateAdded="2023-01-01" BitRate="320" SampleRate="44100" Comments="" PlayCount="${i % 9}" Rating="0" Location="file://localhost/Music/Synthetic%20Artist%20${i % 5000}/Generated%20Title%20${i}.mp3" Remixer="" Tonality="${keys[i % keys.length]}" Label="Label ${i % 300}" Mix="">\n` +
      `      <TEMPO Inizio="0.050" Bpm="${(118 + (i % 20)).toFixed(2)}" Metro="4/4" Battito="1"/>\n${marks}    </TRACK>\n`;
    if (i % 500 === 0) {
      yield batch;
      batch = '';
    }
  }
  yield `${batch}  </COLLECTION>\n  <PLAYLISTS>\n    <NODE Type="0" Name="ROOT" Count="2">\n      <NODE Type="0" Name="HISTORY" Count="${playlists}">\n`;
  for (let p = 0; p < playlists; p++) {
    const day = String((p % 28) + 1).padStart(2, '0');
    let s = `        <NODE Name="HISTORY 2023-03-${day}" Type="1" KeyType="0" Entries="${tracksPerPlaylist}">\n`;
    for (let t = 0; t < tracksPerPlaylist; t++)
      s += `          <TRACK Key="${((p * 131 + t * 7) % tracks) + 1}"/>\n`;
    yield `${s}        </NODE>\n`;
  }
  yield '      </NODE>\n    </NODE>\n  </PLAYLISTS>\n</DJ_PLAYLISTS>\n';
}

export async function writeRekordboxXml(path: string, library: GeneratedLibrary): Promise<void> {
  await pipeline(Readable.from(rekordboxXml(library)), createWriteStream(path));
}
