// How a track row and a set row become the records the APIs answer: one column list and one mapping
// each, shared by the catalogue's page reads (catalog.ts) and GraphQL's batched reads (batch-reads.ts),
// so a column added to a track or a set is added once.

export interface TrackRef {
  id: number;
  artist: string;
  title: string;
  version: string | null;
}

export interface TrackSummary extends TrackRef {
  bpm: number | null;
  key: string | null;
  genre: string | null;
  year: number | null;
}

export type TrackSummaryRow = {
  id: number;
  artist_name: string;
  title: string;
  version: string | null;
  bpm: number | null;
  camelot_key: string | null;
  genre: string | null;
  year: number | null;
};

/** The columns of a TrackSummaryRow, from `tracks t`. */
export const TRACK_SUMMARY_COLUMNS =
  't.id, t.artist_name, t.title, t.version, t.bpm, t.camelot_key, t.genre, t.year';

export const trackRefOf = (r: {
  id: number;
  artist_name: string;
  title: string;
  version: string | null;
}): TrackRef => ({ id: r.id, artist: r.artist_name, title: r.title, version: r.version });

export const trackSummaryOf = (r: TrackSummaryRow): TrackSummary => ({
  ...trackRefOf(r),
  bpm: r.bpm,
  key: r.camelot_key,
  genre: r.genre,
  year: r.year,
});

export interface SetRecord {
  id: number;
  title: string | null;
  date: string | null;
  datePrecision: string | null;
  kind: string;
  source: string;
  url: string | null;
  event: string | null;
  venue: string | null;
  entryCount: number;
  /** 'private': the viewer's own import, seen by nobody else until shared. */
  visibility: 'public' | 'private';
}

export type SetRow = {
  id: number;
  title: string | null;
  played_on: string | null;
  date_precision: string | null;
  kind: string;
  source: string;
  url: string | null;
  event: string | null;
  venue: string | null;
  entry_count: number;
  visibility: 'public' | 'private';
};

/** The columns of a SetRow, from `sets s JOIN sources src ON src.id = s.source_id`. */
export const SET_COLUMNS = `s.id, s.title, s.played_on::text AS played_on, s.date_precision, s.kind, src.name AS source,
  s.url, s.event, s.venue, s.entry_count, s.visibility`;

export const setRecordOf = (r: SetRow): SetRecord => ({
  id: r.id,
  title: r.title,
  date: r.played_on,
  datePrecision: r.date_precision,
  kind: r.kind,
  source: r.source,
  url: r.url,
  event: r.event,
  venue: r.venue,
  entryCount: r.entry_count,
  visibility: r.visibility,
});
