// Bulk exports of sets, entries, tracks and transitions. Every export streams: keyset pagination on the
// primary key (a page of `batchSize` rows at a time, ordered by that key), so memory stays bounded
// however large the table. Pages are separate queries: rows written while an export runs may or may
// not be in it, but no row is ever skipped or repeated (the cursor is the key itself).
import type { Queryable, Row } from '../database.ts';

export type ExportKind = 'entries' | 'sets' | 'tracks' | 'transitions';
export const EXPORT_KINDS: readonly ExportKind[] = ['entries', 'sets', 'tracks', 'transitions'];
export type ExportFormat = 'csv' | 'ndjson';

export type ExportEntry = {
  source: string;
  setExternalId: string;
  position: number;
  raw: string;
  /** Null for unknown entries ("ID - ID"). */
  trackId: number | null;
  artist: string | null;
  title: string | null;
  version: string | null;
  unknown: boolean;
  /** Seconds from the start of the set, with their fraction; null when the source gives none. */
  cueSeconds: number | null;
};

export type ExportSet = {
  id: number;
  source: string;
  externalId: string;
  title: string | null;
  kind: string;
  performers: string[];
  event: string | null;
  venue: string | null;
  /** YYYY-MM-DD; see datePrecision for how much of it is known. */
  playedOn: string | null;
  datePrecision: string | null;
  url: string | null;
  entryCount: number;
};

export type ExportTrack = {
  id: number;
  artist: string;
  title: string;
  version: string | null;
  versionKind: string;
  isMashup: boolean;
  bpm: number | null;
  camelotKey: string | null;
  genre: string | null;
  year: number | null;
  durationSeconds: number | null;
  originalTrackId: number | null;
  /** Set when dedupe folded this track into another. */
  mergedInto: number | null;
};

export type ExportTransition = {
  fromTrackId: number;
  toTrackId: number;
  count: number;
  setCount: number;
  djCount: number;
  firstDate: string | null;
  lastDate: string | null;
};

export interface ExportOptions {
  /** Rows per page (default 5,000). */
  batchSize?: number;
}

const DEFAULT_BATCH = 5000;

/**
 * Pages through a query by its key. `sql(first)` is the query for the first page (no cursor) or the
 * next ones (cursor in $2…); $1 is always the page size. Rows are yielded one by one.
 */
async function* keyset<R extends Row>(
  q: Queryable,
  sql: (first: boolean) => string,
  cursor: (last: R) => unknown[],
  batchSize: number,
): AsyncGenerator<R> {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be ≥ 1, got ${batchSize}`);
  let after: unknown[] | null = null;
  for (;;) {
    const rows: R[] = await q.query<R>(
      sql(after === null),
      after === null ? [batchSize] : [batchSize, ...after],
    );
    yield* rows;
    if (rows.length < batchSize) return;
    after = cursor(rows.at(-1)!);
  }
}

export async function* exportEntries(q: Queryable, opts: ExportOptions = {}): AsyncGenerator<ExportEntry> {
  type R = ExportEntry & { set_id: number };
  for await (const { set_id: _, ...row } of keyset<R>(
    q,
    (first) =>
      `SELECT e.set_id, src.name AS source, s.external_id AS "setExternalId", e.position, e.raw,
              e.track_id AS "trackId", e.artist, e.title, e.version, e.unknown,
              e.cue_seconds AS "cueSeconds"
       FROM set_entries e JOIN sets s ON s.id = e.set_id JOIN sources src ON src.id = s.source_id
       ${first ? '' : 'WHERE (e.set_id, e.position) > ($2, $3)'}
       ORDER BY e.set_id, e.position LIMIT $1`,
    (last) => [last.set_id, last.position],
    opts.batchSize ?? DEFAULT_BATCH,
  )) {
    yield row;
  }
}

export function exportSets(q: Queryable, opts: ExportOptions = {}): AsyncGenerator<ExportSet> {
  return keyset<ExportSet>(
    q,
    (first) =>
      `SELECT s.id, src.name AS source, s.external_id AS "externalId", s.title, s.kind,
              coalesce((SELECT array_agg(a.name ORDER BY sp.position) FROM set_performers sp
                        JOIN artists a ON a.id = sp.artist_id WHERE sp.set_id = s.id), '{}') AS performers,
              s.event, s.venue, s.played_on::text AS "playedOn", s.date_precision AS "datePrecision", s.url,
              s.entry_count AS "entryCount"
       FROM sets s JOIN sources src ON src.id = s.source_id
       ${first ? '' : 'WHERE s.id > $2'}
       ORDER BY s.id LIMIT $1`,
    (last) => [last.id],
    opts.batchSize ?? DEFAULT_BATCH,
  );
}

export function exportTracks(q: Queryable, opts: ExportOptions = {}): AsyncGenerator<ExportTrack> {
  return keyset<ExportTrack>(
    q,
    (first) =>
      `SELECT id, artist_name AS artist, title, version, version_kind AS "versionKind", is_mashup AS "isMashup",
              bpm, camelot_key AS "camelotKey", genre, year, duration_seconds AS "durationSeconds",
              original_track_id AS "originalTrackId", merged_into AS "mergedInto"
       FROM tracks ${first ? '' : 'WHERE id > $2'}
       ORDER BY id LIMIT $1`,
    (last) => [last.id],
    opts.batchSize ?? DEFAULT_BATCH,
  );
}

export function exportTransitions(q: Queryable, opts: ExportOptions = {}): AsyncGenerator<ExportTransition> {
  return keyset<ExportTransition>(
    q,
    (first) =>
      `SELECT from_track_id AS "fromTrackId", to_track_id AS "toTrackId", count, set_count AS "setCount",
              dj_count AS "djCount", first_date::text AS "firstDate", last_date::text AS "lastDate"
       FROM transitions ${first ? '' : 'WHERE (from_track_id, to_track_id) > ($2, $3)'}
       ORDER BY from_track_id, to_track_id LIMIT $1`,
    (last) => [last.fromTrackId, last.toTrackId],
    opts.batchSize ?? DEFAULT_BATCH,
  );
}

/** Columns of each export, in order: the CSV header and the order of fields in every line. */
export const EXPORT_COLUMNS = {
  entries: [
    'source',
    'setExternalId',
    'position',
    'raw',
    'trackId',
    'artist',
    'title',
    'version',
    'unknown',
    'cueSeconds',
  ],
  sets: [
    'id',
    'source',
    'externalId',
    'title',
    'kind',
    'performers',
    'event',
    'venue',
    'playedOn',
    'datePrecision',
    'url',
    'entryCount',
  ],
  tracks: [
    'id',
    'artist',
    'title',
    'version',
    'versionKind',
    'isMashup',
    'bpm',
    'camelotKey',
    'genre',
    'year',
    'durationSeconds',
    'originalTrackId',
    'mergedInto',
  ],
  transitions: ['fromTrackId', 'toTrackId', 'count', 'setCount', 'djCount', 'firstDate', 'lastDate'],
} as const satisfies Record<ExportKind, readonly string[]>;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF, quotes doubled.
 * Null is empty; a list (a set's performers) is joined with "; ".
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('; ') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 says. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

const rowsOf = (q: Queryable, kind: ExportKind, opts: ExportOptions): AsyncGenerator<Row> => {
  switch (kind) {
    case 'entries':
      return exportEntries(q, opts);
    case 'sets':
      return exportSets(q, opts);
    case 'tracks':
      return exportTracks(q, opts);
    case 'transitions':
      return exportTransitions(q, opts);
  }
};

/** An export as text lines (newline included): NDJSON, or CSV with a header line. */
export async function* exportLines(
  q: Queryable,
  kind: ExportKind,
  format: ExportFormat,
  opts: ExportOptions = {},
): AsyncGenerator<string> {
  const columns: readonly string[] = EXPORT_COLUMNS[kind];
  if (format === 'csv') yield csvLine(columns);
  for await (const row of rowsOf(q, kind, opts)) {
    yield format === 'csv' ? csvLine(columns.map((c) => row[c])) : `${JSON.stringify(row)}\n`;
  }
}
