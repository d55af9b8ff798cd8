import type { PlaylistTrack } from '@songnodes/db';

/** A set, a plan or a list of tracks, as the playlist writers take it. */
export interface Playlist {
  name: string;
  tracks: PlaylistTrack[];
  /** A set's performers and date, for the formats that have a place for them (JSON). */
  performers?: string[];
  date?: string | null;
}

/** Writers yield the file in pieces, so a large export is written to disk as it is produced. */
export type Chunks = Generator<string, void, undefined>;
