import type { ImportIssue, ImportItem, ParsedSet } from '@songnodes/core';

/** Every format the importers read. */
export type FormatId =
  | 'text'
  | 'csv'
  | 'json'
  | 'cue'
  | 'm3u'
  | 'rekordbox'
  | 'traktor'
  | 'setlistfm'
  | '1001tracklists'
  | 'mixesdb';

export const FORMAT_IDS: readonly FormatId[] = [
  'text',
  'csv',
  'json',
  'cue',
  'm3u',
  'rekordbox',
  'traktor',
  'setlistfm',
  '1001tracklists',
  'mixesdb',
];

/** A file path, a byte stream (Node Readable or any async iterable of bytes), or the text itself. */
export type ImportInput = string | AsyncIterable<Uint8Array>;

export interface ReadOptions {
  /** Skip detection and read as this format. */
  format?: FormatId;
  /** Overrides the `source` of every set (default: the format's own source name). */
  source?: string;
  /** Name to report in issues (default: the path when `input` is a path, else none). */
  file?: string;
  /** CSV only: our field name → the column header that holds it, e.g. `{ artist: 'Interpret' }`. */
  csvMapping?: Record<string, string>;
}

/** A track of a DJ library (Rekordbox/Traktor collection): what "recommend only from my library" needs. */
export interface LibraryTrack {
  /** The library's own id (Rekordbox TrackID, Traktor volume+dir+file key). */
  id: string;
  raw: string;
  artist?: string;
  title?: string;
  version?: string;
  remixer?: string;
  label?: string;
  genre?: string | null;
  bpm?: number | null;
  key?: string | null;
  year?: number | null;
  durationSeconds?: number | null;
  /** File location as the library notes it. */
  location?: string;
}

/**
 * What a format reader gets: the decoded text, and where to report problems that concern the
 * file rather than one set (encoding fallback, skipped lines outside any set).
 */
export interface ReadContext {
  file?: string;
  source?: string;
  csvMapping?: Record<string, string>;
  /** File-level issues not yet attached to a set; `finishSet` hands them to the next set. */
  pending: ImportIssue[];
}

export type FormatReader = (text: AsyncIterable<string>, ctx: ReadContext) => AsyncIterable<ImportItem>;

export type { ImportIssue, ImportItem, ParsedSet };
