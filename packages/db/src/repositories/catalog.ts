// Reads of the catalogue for the API: tracks, artists and sets, one page or one record at a time.
// Lists use keyset pagination on the primary key (the cursor is the last id seen), so page 1,000
// costs what page 1 costs. Merged-away tracks are never listed; asking for one by id says where it
// went (`mergedInto`) so a client can follow it.
// Every read takes the viewer (visibility.ts): private sets and the tracks only they know are read by
// their owner alone, and plays, set and DJ counts count only the sets the viewer may see.
import type { Queryable, Row } from '../database.ts';
import {
  SET_COLUMNS,
  type SetRecord,
  type SetRow,
  setRecordOf,
  TRACK_SUMMARY_COLUMNS,
  type TrackRef,
  type TrackSummary,
  type TrackSummaryRow,
  trackRefOf,
  trackSummaryOf,
} from './rows.ts';
import { type Viewer, visibleSet, visibleTrack } from './visibility.ts';

export type { TrackRef, TrackSummary } from './rows.ts';

export interface TrackFilter {
  artist?: string;
  title?: string;
  bpmMin?: number;
  bpmMax?: number;
  keys?: string[];
  genres?: string[];
  yearFrom?: number;
  yearTo?: number;
  source?: string;
  hasTransitions?: boolean;
}

export interface Page<T> {
  items: T[];
  /** The cursor of the next page, or null on the last one. */
  next: number | null;
}

/** Builds `WHERE` conditions with numbered parameters; values never enter the SQL text. */
export class Conditions {
  readonly sql: string[] = [];
  readonly params: unknown[] = [];
  add(template: (p: string) => string, value: unknown): void {
    this.params.push(value);
    this.sql.push(template(`$${this.params.length}`));
  }
  raw(condition: string): void {
    this.sql.push(condition);
  }
  where(): string {
    return this.sql.length > 0 ? `WHERE ${this.sql.join(' AND ')}` : '';
  }
}

export const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listTracks(
  q: Queryable,
  f: TrackFilter,
  page: { after?: number; limit: number },
  viewer: Viewer,
): Promise<Page<TrackSummary>> {
  const c = new Conditions();
  c.raw('t.merged_into IS NULL');
  c.add((p) => visibleTrack('t', p), viewer);
  const me = `$${c.params.length}`;
  if (page.after !== undefined) c.add((p) => `t.id > ${p}`, page.after);
  if (f.artist !== undefined) c.add((p) => `t.artist_name ILIKE ${p}`, likePattern(f.artist));
  if (f.title !== undefined) c.add((p) => `t.title ILIKE ${p}`, likePattern(f.title));
  if (f.bpmMin !== undefined) c.add((p) => `t.bpm >= ${p}`, f.bpmMin);
  if (f.bpmMax !== undefined) c.add((p) => `t.bpm <= ${p}`, f.bpmMax);
  if (f.keys !== undefined) c.add((p) => `t.camelot_key = ANY(${p}::text[])`, f.keys);
  if (f.genres !== undefined) c.add((p) => `t.genre = ANY(${p}::text[])`, f.genres);
  if (f.yearFrom !== undefined) c.add((p) => `t.year >= ${p}`, f.yearFrom);
  if (f.yearTo !== undefined) c.add((p) => `t.year <= ${p}`, f.yearTo);
  if (f.source !== undefined)
    c.add(
      (
        p,
      ) => `EXISTS (SELECT 1 FROM set_entries e JOIN sets s ON s.id = e.set_id JOIN sources src ON src.id = s.source_id
                WHERE e.track_id = t.id AND src.name = ${p} AND ${visibleSet('s', me)})`,
      f.source,
    );
  if (f.hasTransitions !== undefined)
    c.raw(
      `${f.hasTransitions ? '' : 'NOT '}(EXISTS (SELECT 1 FROM transitions x WHERE x.from_track_id = t.id)
        OR EXISTS (SELECT 1 FROM transitions x WHERE x.to_track_id = t.id))`,
    );
  c.params.push(page.limit + 1);
  const rows = await q.query<TrackSummaryRow>(
    `SELECT ${TRACK_SUMMARY_COLUMNS} FROM tracks t ${c.where()} ORDER BY t.id LIMIT $${c.params.length}`,
    c.params,
  );
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit).map(trackSummaryOf);
  return { items, next: more ? items[items.length - 1]!.id : null };
}

export interface TrackDetail extends TrackSummary {
  versionKind: string;
  isMashup: boolean;
  durationSeconds: number | null;
  artists: { id: number; name: string; role: 'primary' | 'featured' | 'remixer' }[];
  original: TrackRef | null;
  /** Other versions of the same recording (remixes and edits of the original, or of this track). */
  versions: TrackRef[];
  /** Lines of sets that played this track. */
  plays: number;
  /** Sets that played it. */
  sets: number;
  /** Distinct performers of those sets. */
  djs: number;
  /** Set when this track was merged into another one: follow it. */
  mergedInto: number | null;
}

export async function getTrack(q: Queryable, id: number, viewer: Viewer): Promise<TrackDetail | null> {
  const [t] = await q.query<
    TrackSummaryRow & {
      version_kind: string;
      is_mashup: boolean;
      duration_seconds: number | null;
      original_track_id: number | null;
      original_key: string;
      merged_into: number | null;
      plays: number;
      sets: number;
      djs: number;
    }
  >(
    `SELECT ${TRACK_SUMMARY_COLUMNS}, t.version_kind, t.is_mashup, t.duration_seconds, t.original_track_id,
            t.original_key, t.merged_into,
            (SELECT count(*) FROM set_entries e JOIN sets s ON s.id = e.set_id
              WHERE e.track_id = t.id AND ${visibleSet('s', '$2')})::int AS plays,
            (SELECT count(DISTINCT e.set_id) FROM set_entries e JOIN sets s ON s.id = e.set_id
              WHERE e.track_id = t.id AND ${visibleSet('s', '$2')})::int AS sets,
            (SELECT count(DISTINCT sp.artist_id) FROM set_entries e JOIN sets s ON s.id = e.set_id
              JOIN set_performers sp ON sp.set_id = e.set_id
              WHERE e.track_id = t.id AND ${visibleSet('s', '$2')})::int AS djs
     FROM tracks t WHERE t.id = $1 AND ${visibleTrack('t', '$2')}`,
    [id, viewer],
  );
  if (!t) return null;
  const artists = await q.query<{ id: number; name: string; role: 'primary' | 'featured' | 'remixer' }>(
    `SELECT a.id, a.name, ta.role FROM track_artists ta JOIN artists a ON a.id = ta.artist_id
     WHERE ta.track_id = $1 ORDER BY CASE ta.role WHEN 'primary' THEN 0 WHEN 'featured' THEN 1 ELSE 2 END, ta.position`,
    [id],
  );
  const related = await q.query<{ id: number; artist_name: string; title: string; version: string | null }>(
    `SELECT id, artist_name, title, version FROM tracks
     WHERE merged_into IS NULL AND id <> $1
       AND (id = $2 OR (original_key = $3 AND version IS NOT NULL) OR key = $3) AND ${visibleTrack('tracks', '$4')}
     ORDER BY id LIMIT 200`,
    [id, t.original_track_id ?? -1, t.original_key, viewer],
  );
  const original = related.find((r) => r.id === t.original_track_id) ?? null;
  return {
    ...trackSummaryOf(t),
    versionKind: t.version_kind,
    isMashup: t.is_mashup,
    durationSeconds: t.duration_seconds,
    artists,
    original: original ? trackRefOf(original) : null,
    versions: related.filter((r) => r.id !== t.original_track_id).map(trackRefOf),
    plays: t.plays,
    sets: t.sets,
    djs: t.djs,
    mergedInto: t.merged_into,
  };
}

/** Sets the BPM, key or genre a person corrected; undefined leaves a field alone, null clears it. */
export async function updateTrack(
  q: Queryable,
  id: number,
  change: { bpm?: number | null; key?: string | null; genre?: string | null },
  viewer: Viewer,
): Promise<boolean> {
  const c = new Conditions();
  if (change.bpm !== undefined) c.add((p) => `bpm = ${p}`, change.bpm);
  if (change.key !== undefined) c.add((p) => `camelot_key = ${p}`, change.key);
  if (change.genre !== undefined) c.add((p) => `genre = ${p}`, change.genre);
  if (c.sql.length === 0)
    return (
      (await q.query(`SELECT 1 FROM tracks WHERE id = $1 AND ${visibleTrack('tracks', '$2')}`, [id, viewer]))
        .length > 0
    );
  c.params.push(id, viewer);
  const n = c.params.length;
  const rows = await q.query(
    `UPDATE tracks SET ${c.sql.join(', ')}
     WHERE id = $${n - 1} AND merged_into IS NULL AND ${visibleTrack('tracks', `$${n}`)} RETURNING id`,
    c.params,
  );
  return rows.length > 0;
}

export interface ArtistSummary {
  id: number;
  name: string;
  /** Tracks credited to the artist (any role) that the viewer may see. */
  tracks: number;
  /** Sets the artist performed that the viewer may see. */
  performed: number;
}

/**
 * Artists by id (keyset), optionally those whose name or an alias contains `name`. An artist known
 * only from others' private sets is not listed, as getArtist does not show it.
 */
export async function listArtists(
  q: Queryable,
  f: { name?: string },
  page: { after?: number; limit: number },
  viewer: Viewer,
): Promise<Page<ArtistSummary>> {
  const c = new Conditions();
  // $1: the viewer, for the counts (an artist with nothing visible is left out).
  c.params.push(viewer);
  const me = '$1';
  if (page.after !== undefined) c.add((p) => `a.id > ${p}`, page.after);
  if (f.name !== undefined)
    c.add(
      (p) =>
        `(a.name ILIKE ${p} OR EXISTS (SELECT 1 FROM artist_aliases x WHERE x.artist_id = a.id AND x.alias ILIKE ${p}))`,
      likePattern(f.name),
    );
  c.params.push(page.limit + 1);
  const rows = await q.query<ArtistSummary & Row>(
    `SELECT id, name, tracks, performed FROM (
       SELECT a.id, a.name,
              (SELECT count(DISTINCT ta.track_id) FROM track_artists ta JOIN tracks t ON t.id = ta.track_id
                WHERE ta.artist_id = a.id AND t.merged_into IS NULL AND ${visibleTrack('t', me)})::int AS tracks,
              (SELECT count(*) FROM set_performers sp JOIN sets s ON s.id = sp.set_id
                WHERE sp.artist_id = a.id AND ${visibleSet('s', me)})::int AS performed
       FROM artists a ${c.where()} ORDER BY a.id) x
     WHERE tracks > 0 OR performed > 0
     LIMIT $${c.params.length}`,
    c.params,
  );
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit);
  return { items, next: more ? items[items.length - 1]!.id : null };
}

export interface ArtistDetail {
  id: number;
  name: string;
  aliases: string[];
  /** Tracks credited to the artist, most played first. */
  tracks: (TrackSummary & { role: string; plays: number })[];
  /** Artists credited on the same tracks. */
  collaborations: { id: number; name: string; tracks: number }[];
  /** Artists whose tracks DJs play right before or after this artist's, by transitions. */
  playedWith: { id: number; name: string; transitions: number }[];
  /** Sets this artist performed. */
  performed: number;
}

export async function getArtist(
  q: Queryable,
  id: number,
  viewer: Viewer,
  limit = 50,
): Promise<ArtistDetail | null> {
  // An artist known only from others' private sets (as a credit or a performer) is not there for this viewer.
  const [a] = await q.query<{ id: number; name: string; performed: number }>(
    `SELECT a.id, a.name,
            (SELECT count(*) FROM set_performers sp JOIN sets s ON s.id = sp.set_id
              WHERE sp.artist_id = a.id AND ${visibleSet('s', '$2')})::int AS performed
     FROM artists a WHERE a.id = $1
       AND (EXISTS (SELECT 1 FROM track_artists ta JOIN tracks t ON t.id = ta.track_id
                    WHERE ta.artist_id = a.id AND ${visibleTrack('t', '$2')})
            OR EXISTS (SELECT 1 FROM set_performers sp JOIN sets s ON s.id = sp.set_id
                       WHERE sp.artist_id = a.id AND ${visibleSet('s', '$2')}))`,
    [id, viewer],
  );
  if (!a) return null;
  const aliases = await q.query<{ alias: string }>(
    'SELECT alias FROM artist_aliases WHERE artist_id = $1 ORDER BY alias',
    [id],
  );
  const tracks = await q.query<TrackSummaryRow & { role: string; plays: number }>(
    `SELECT ${TRACK_SUMMARY_COLUMNS}, min(ta.role) AS role,
            (SELECT count(*) FROM set_entries e JOIN sets s ON s.id = e.set_id
              WHERE e.track_id = t.id AND ${visibleSet('s', '$3')})::int AS plays
     FROM track_artists ta JOIN tracks t ON t.id = ta.track_id
     WHERE ta.artist_id = $1 AND t.merged_into IS NULL AND ${visibleTrack('t', '$3')}
     GROUP BY t.id ORDER BY plays DESC, t.id LIMIT $2`,
    [id, limit, viewer],
  );
  const collaborations = await q.query<{ id: number; name: string; tracks: number }>(
    `SELECT o.id, o.name, count(DISTINCT mine.track_id)::int AS tracks
     FROM track_artists mine JOIN track_artists other ON other.track_id = mine.track_id AND other.artist_id <> mine.artist_id
     JOIN artists o ON o.id = other.artist_id JOIN tracks t ON t.id = mine.track_id AND t.merged_into IS NULL
     WHERE mine.artist_id = $1 AND ${visibleTrack('t', '$3')}
     GROUP BY o.id, o.name ORDER BY tracks DESC, o.name LIMIT $2`,
    [id, limit, viewer],
  );
  const playedWith = await q.query<{ id: number; name: string; transitions: number }>(
    `WITH mine AS (SELECT DISTINCT track_id FROM track_artists WHERE artist_id = $1 AND role = 'primary'),
     pairs AS (
       SELECT x.to_track_id AS other, x.count FROM transitions x JOIN mine ON mine.track_id = x.from_track_id
       UNION ALL
       SELECT x.from_track_id, x.count FROM transitions x JOIN mine ON mine.track_id = x.to_track_id)
     SELECT o.id, o.name, sum(p.count)::int AS transitions
     FROM pairs p JOIN track_artists ta ON ta.track_id = p.other AND ta.role = 'primary' AND ta.artist_id <> $1
     JOIN artists o ON o.id = ta.artist_id
     GROUP BY o.id, o.name ORDER BY transitions DESC, o.name LIMIT $2`,
    [id, limit],
  );
  return {
    id: a.id,
    name: a.name,
    aliases: aliases.map((r) => r.alias),
    tracks: tracks.map((r) => ({ ...trackSummaryOf(r), role: r.role, plays: r.plays })),
    collaborations,
    playedWith,
    performed: a.performed,
  };
}

export interface SetFilter {
  dj?: string;
  source?: string;
  kind?: string;
  dateFrom?: string;
  dateTo?: string;
}

export interface SetSummary extends SetRecord {
  performers: string[];
}

type SetSummaryRow = SetRow & { performers: string[] | null };
const SET_SUMMARY_COLUMNS = `${SET_COLUMNS},
  (SELECT array_agg(a.name ORDER BY sp.position) FROM set_performers sp JOIN artists a ON a.id = sp.artist_id
    WHERE sp.set_id = s.id) AS performers`;
const setOf = (r: SetSummaryRow): SetSummary => ({ ...setRecordOf(r), performers: r.performers ?? [] });

export async function listSets(
  q: Queryable,
  f: SetFilter,
  page: { after?: number; limit: number },
  viewer: Viewer,
): Promise<Page<SetSummary>> {
  const c = new Conditions();
  c.add((p) => visibleSet('s', p), viewer);
  if (page.after !== undefined) c.add((p) => `s.id > ${p}`, page.after);
  if (f.source !== undefined) c.add((p) => `src.name = ${p}`, f.source);
  if (f.kind !== undefined) c.add((p) => `s.kind = ${p}`, f.kind);
  if (f.dateFrom !== undefined) c.add((p) => `s.played_on >= ${p}::date`, f.dateFrom);
  if (f.dateTo !== undefined) c.add((p) => `s.played_on <= ${p}::date`, f.dateTo);
  if (f.dj !== undefined)
    c.add(
      (p) => `EXISTS (SELECT 1 FROM set_performers sp JOIN artists a ON a.id = sp.artist_id
                WHERE sp.set_id = s.id AND a.name ILIKE ${p})`,
      likePattern(f.dj),
    );
  c.params.push(page.limit + 1);
  const rows = await q.query<SetSummaryRow>(
    `SELECT ${SET_SUMMARY_COLUMNS} FROM sets s JOIN sources src ON src.id = s.source_id ${c.where()}
     ORDER BY s.id LIMIT $${c.params.length}`,
    c.params,
  );
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit).map(setOf);
  return { items, next: more ? items[items.length - 1]!.id : null };
}

export interface SetEntryDetail {
  position: number;
  line: number | null;
  raw: string;
  unknown: boolean;
  withPrevious: boolean;
  artist: string | null;
  title: string | null;
  version: string | null;
  label: string | null;
  cueSeconds: number | null;
  /** The track the line was identified as; null for unknown entries. */
  track: TrackSummary | null;
}

export interface SetDetail extends SetSummary {
  /**
   * How far the entries can be trusted, for a scraped set: 1 from a structured page or API, lower for a
   * tracklist pulled out of free text (a Reddit comment); null for a set imported from a file or posted.
   */
  confidence: number | null;
  entries: SetEntryDetail[];
}

export async function getSet(q: Queryable, id: number, viewer: Viewer): Promise<SetDetail | null> {
  const [s] = await q.query<SetSummaryRow>(
    `SELECT ${SET_SUMMARY_COLUMNS} FROM sets s JOIN sources src ON src.id = s.source_id
     WHERE s.id = $1 AND ${visibleSet('s', '$2')}`,
    [id, viewer],
  );
  if (!s) return null;
  const [scraped] = await q.query<{ confidence: number }>(
    `SELECT sc.confidence FROM scraped_sets sc JOIN sets s ON s.external_id = sc.external_id
     JOIN sources src ON src.id = s.source_id AND src.name = sc.source WHERE s.id = $1`,
    [id],
  );
  const entries = await q.query<
    {
      position: number;
      line: number | null;
      raw: string;
      unknown: boolean;
      with_previous: boolean;
      e_artist: string | null;
      e_title: string | null;
      e_version: string | null;
      label: string | null;
      cue_seconds: number | null;
    } & Partial<TrackSummaryRow>
  >(
    `SELECT e.position, e.line, e.raw, e.unknown, e.with_previous, e.artist AS e_artist, e.title AS e_title,
            e.version AS e_version, e.label, e.cue_seconds, ${TRACK_SUMMARY_COLUMNS}
     FROM set_entries e LEFT JOIN tracks t ON t.id = coalesce(
       (SELECT m.merged_into FROM tracks m WHERE m.id = e.track_id), e.track_id)
     WHERE e.set_id = $1 ORDER BY e.position`,
    [id],
  );
  return {
    ...setOf(s),
    confidence: scraped ? Number(scraped.confidence) : null,
    entries: entries.map((e) => ({
      position: e.position,
      line: e.line,
      raw: e.raw,
      unknown: e.unknown,
      withPrevious: e.with_previous,
      artist: e.e_artist,
      title: e.e_title,
      version: e.e_version,
      label: e.label,
      cueSeconds: e.cue_seconds === null ? null : Number(e.cue_seconds),
      track: e.id ? trackSummaryOf(e as TrackSummaryRow) : null,
    })),
  };
}

export interface TransitionSummary {
  from: TrackRef;
  to: TrackRef;
  count: number;
  sets: number;
  djs: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** The aggregate evidence of one pair, or null when it was never played. */
export async function getTransition(
  q: Queryable,
  from: number,
  to: number,
): Promise<TransitionSummary | null> {
  const [r] = await q.query<{
    count: number;
    set_count: number;
    dj_count: number;
    first_date: string | null;
    last_date: string | null;
    f_id: number;
    f_artist: string;
    f_title: string;
    f_version: string | null;
    t_id: number;
    t_artist: string;
    t_title: string;
    t_version: string | null;
  }>(
    `SELECT x.count, x.set_count, x.dj_count, x.first_date::text AS first_date, x.last_date::text AS last_date,
            f.id AS f_id, f.artist_name AS f_artist, f.title AS f_title, f.version AS f_version,
            t.id AS t_id, t.artist_name AS t_artist, t.title AS t_title, t.version AS t_version
     FROM transitions x JOIN tracks f ON f.id = x.from_track_id JOIN tracks t ON t.id = x.to_track_id
     WHERE x.from_track_id = $1 AND x.to_track_id = $2`,
    [from, to],
  );
  if (!r) return null;
  return {
    from: { id: r.f_id, artist: r.f_artist, title: r.f_title, version: r.f_version },
    to: { id: r.t_id, artist: r.t_artist, title: r.t_title, version: r.t_version },
    count: r.count,
    sets: r.set_count,
    djs: r.dj_count,
    firstDate: r.first_date,
    lastDate: r.last_date,
  };
}

/** The id of a set by its source and the source's own id. */
export async function findSetId(q: Queryable, source: string, externalId: string): Promise<number | null> {
  const [r] = await q.query<{ id: number }>(
    'SELECT s.id FROM sets s JOIN sources src ON src.id = s.source_id WHERE src.name = $1 AND s.external_id = $2',
    [source, externalId],
  );
  return r?.id ?? null;
}
