// Reads keyed by many ids at once, for the GraphQL API's batched loaders: one statement answers a
// field for every parent object of a request (the artists of 50 tracks, their transitions, the
// performers of their sets), so a nested query costs a fixed number of statements, not one per
// object. Per-parent limits run inside a LATERAL join so each parent gets its own top N.
import type { Queryable } from '../database.ts';
import {
  SET_COLUMNS,
  type SetRecord,
  type SetRow,
  setRecordOf,
  TRACK_SUMMARY_COLUMNS,
  type TrackSummary,
  type TrackSummaryRow,
  trackSummaryOf,
} from './rows.ts';
import { type Viewer, visibleSet, visibleTrack } from './visibility.ts';

export type { SetRecord } from './rows.ts';

/** A track as the GraphQL API shows it: every column a Track field reads without another query. */
export interface TrackRecord extends TrackSummary {
  versionKind: string;
  durationSeconds: number | null;
  originalTrackId: number | null;
  mergedInto: number | null;
}

type TrackRow = TrackSummaryRow & {
  version_kind: string;
  duration_seconds: number | null;
  original_track_id: number | null;
  merged_into: number | null;
};

const TRACK_COLUMNS = `${TRACK_SUMMARY_COLUMNS}, t.version_kind, t.duration_seconds, t.original_track_id, t.merged_into`;

const trackRecordOf = (r: TrackRow): TrackRecord => ({
  ...trackSummaryOf(r),
  versionKind: r.version_kind,
  durationSeconds: r.duration_seconds,
  originalTrackId: r.original_track_id,
  mergedInto: r.merged_into,
});

/** Groups rows under their parent id, every asked id present (an empty list when it has none). */
function groupBy<R, T>(ids: readonly number[], rows: R[], parent: (r: R) => number, map: (r: R) => T) {
  const out = new Map<number, T[]>(ids.map((id) => [id, []]));
  for (const r of rows) out.get(parent(r))?.push(map(r));
  return out;
}

/** Tracks by id, merged-away ones included (they say where they went); those the viewer may not see left out. */
export async function tracksByIds(
  q: Queryable,
  ids: readonly number[],
  viewer: Viewer,
): Promise<Map<number, TrackRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<TrackRow>(
    `SELECT ${TRACK_COLUMNS} FROM tracks t WHERE t.id = ANY($1::int[]) AND ${visibleTrack('t', '$2')}`,
    [ids, viewer],
  );
  return new Map(rows.map((r) => [r.id, trackRecordOf(r)]));
}

export interface CreditRecord {
  artistId: number;
  name: string;
  role: 'primary' | 'featured' | 'remixer';
}

/** The credited artists of each track: primary first, then featured, then remixers, in credit order. */
export async function trackCredits(
  q: Queryable,
  trackIds: readonly number[],
): Promise<Map<number, CreditRecord[]>> {
  const rows = await q.query<{ track_id: number; id: number; name: string; role: CreditRecord['role'] }>(
    `SELECT ta.track_id, a.id, a.name, ta.role FROM track_artists ta JOIN artists a ON a.id = ta.artist_id
     WHERE ta.track_id = ANY($1::int[])
     ORDER BY ta.track_id, CASE ta.role WHEN 'primary' THEN 0 WHEN 'featured' THEN 1 ELSE 2 END, ta.position`,
    [trackIds],
  );
  return groupBy(
    trackIds,
    rows,
    (r) => r.track_id,
    (r) => ({ artistId: r.id, name: r.name, role: r.role }),
  );
}

export interface PlayCounts {
  /** Lines of sets that played the track. */
  plays: number;
  sets: number;
  /** Distinct performers of those sets. */
  djs: number;
}

/** Plays, sets and DJs of each track, in the sets the viewer may see. */
export async function trackPlayCounts(
  q: Queryable,
  trackIds: readonly number[],
  viewer: Viewer,
): Promise<Map<number, PlayCounts>> {
  const rows = await q.query<{ id: number; plays: number; sets: number; djs: number }>(
    `SELECT p.id,
            (SELECT count(*) FROM set_entries e JOIN sets s ON s.id = e.set_id
              WHERE e.track_id = p.id AND ${visibleSet('s', '$2')})::int AS plays,
            (SELECT count(DISTINCT e.set_id) FROM set_entries e JOIN sets s ON s.id = e.set_id
              WHERE e.track_id = p.id AND ${visibleSet('s', '$2')})::int AS sets,
            (SELECT count(DISTINCT sp.artist_id) FROM set_entries e JOIN sets s ON s.id = e.set_id
              JOIN set_performers sp ON sp.set_id = e.set_id
              WHERE e.track_id = p.id AND ${visibleSet('s', '$2')})::int AS djs
     FROM unnest($1::int[]) AS p(id)`,
    [trackIds, viewer],
  );
  return new Map(rows.map((r) => [r.id, { plays: r.plays, sets: r.sets, djs: r.djs }]));
}

export interface TransitionRecord {
  from: number;
  to: number;
  count: number;
  sets: number;
  djs: number;
  firstDate: string | null;
  lastDate: string | null;
}

type TransitionRow = {
  from_track_id: number;
  to_track_id: number;
  count: number;
  set_count: number;
  dj_count: number;
  first_date: string | null;
  last_date: string | null;
};
const TRANSITION_COLUMNS = `x.from_track_id, x.to_track_id, x.count, x.set_count, x.dj_count,
  x.first_date::text AS first_date, x.last_date::text AS last_date`;
const transitionOf = (r: TransitionRow): TransitionRecord => ({
  from: r.from_track_id,
  to: r.to_track_id,
  count: r.count,
  sets: r.set_count,
  djs: r.dj_count,
  firstDate: r.first_date,
  lastDate: r.last_date,
});

/** The `perTrack` strongest transitions out of (or into) each track: most played, then most DJs. */
export async function trackTransitions(
  q: Queryable,
  trackIds: readonly number[],
  direction: 'out' | 'in',
  perTrack: number,
): Promise<Map<number, TransitionRecord[]>> {
  const [self, other] =
    direction === 'out' ? ['from_track_id', 'to_track_id'] : ['to_track_id', 'from_track_id'];
  const rows = await q.query<TransitionRow & { parent: number }>(
    `SELECT p.id AS parent, x.* FROM unnest($1::int[]) AS p(id) CROSS JOIN LATERAL (
       SELECT ${TRANSITION_COLUMNS} FROM transitions x WHERE x.${self} = p.id
       ORDER BY x.count DESC, x.dj_count DESC, x.${other} LIMIT $2) x`,
    [trackIds, perTrack],
  );
  return groupBy(trackIds, rows, (r) => r.parent, transitionOf);
}

/** The most played transitions of the whole catalogue. */
export async function topTransitions(q: Queryable, limit: number): Promise<TransitionRecord[]> {
  const rows = await q.query<TransitionRow>(
    `SELECT ${TRANSITION_COLUMNS} FROM transitions x
     ORDER BY x.count DESC, x.dj_count DESC, x.from_track_id, x.to_track_id LIMIT $1`,
    [limit],
  );
  return rows.map(transitionOf);
}

/** Remixes and edits of each track (other versions whose original is this track), oldest first. */
export async function trackRemixes(
  q: Queryable,
  trackIds: readonly number[],
  perTrack: number,
  viewer: Viewer,
): Promise<Map<number, TrackRecord[]>> {
  const rows = await q.query<TrackRow & { parent: number }>(
    `SELECT o.id AS parent, r.* FROM tracks o CROSS JOIN LATERAL (
       SELECT ${TRACK_COLUMNS} FROM tracks t
       WHERE t.original_key = o.key AND t.version IS NOT NULL AND t.id <> o.id AND t.merged_into IS NULL
         AND ${visibleTrack('t', '$3')}
       ORDER BY t.id LIMIT $2) r
     WHERE o.id = ANY($1::int[]) AND o.version IS NULL`,
    [trackIds, perTrack, viewer],
  );
  return groupBy(trackIds, rows, (r) => r.parent, trackRecordOf);
}

export async function setsByIds(
  q: Queryable,
  ids: readonly number[],
  viewer: Viewer,
): Promise<Map<number, SetRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<SetRow>(
    `SELECT ${SET_COLUMNS} FROM sets s JOIN sources src ON src.id = s.source_id
     WHERE s.id = ANY($1::int[]) AND ${visibleSet('s', '$2')}`,
    [ids, viewer],
  );
  return new Map(rows.map((r) => [r.id, setRecordOf(r)]));
}

/** The sets that played each track, most recent first. */
export async function trackSets(
  q: Queryable,
  trackIds: readonly number[],
  perTrack: number,
  viewer: Viewer,
): Promise<Map<number, SetRecord[]>> {
  const rows = await q.query<SetRow & { parent: number }>(
    `SELECT p.id AS parent, s.* FROM unnest($1::int[]) AS p(id) CROSS JOIN LATERAL (
       SELECT ${SET_COLUMNS} FROM sets s JOIN sources src ON src.id = s.source_id
       WHERE s.id IN (SELECT e.set_id FROM set_entries e WHERE e.track_id = p.id) AND ${visibleSet('s', '$3')}
       ORDER BY s.played_on DESC NULLS LAST, s.id LIMIT $2) s`,
    [trackIds, perTrack, viewer],
  );
  return groupBy(trackIds, rows, (r) => r.parent, setRecordOf);
}

/** The performers of each set, in billing order. */
export async function setPerformers(
  q: Queryable,
  setIds: readonly number[],
): Promise<Map<number, { id: number; name: string }[]>> {
  const rows = await q.query<{ set_id: number; id: number; name: string }>(
    `SELECT sp.set_id, a.id, a.name FROM set_performers sp JOIN artists a ON a.id = sp.artist_id
     WHERE sp.set_id = ANY($1::int[]) ORDER BY sp.set_id, sp.position`,
    [setIds],
  );
  return groupBy(
    setIds,
    rows,
    (r) => r.set_id,
    (r) => ({ id: r.id, name: r.name }),
  );
}

export interface EntryRecord {
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
  /** The track the line was identified as (followed through merges); null for unknown entries. */
  trackId: number | null;
}

/** The first `perSet` entries of each set, in play order. */
export async function setEntries(
  q: Queryable,
  setIds: readonly number[],
  perSet: number,
): Promise<Map<number, EntryRecord[]>> {
  const rows = await q.query<{
    set_id: number;
    position: number;
    line: number | null;
    raw: string;
    unknown: boolean;
    with_previous: boolean;
    artist: string | null;
    title: string | null;
    version: string | null;
    label: string | null;
    cue_seconds: number | null;
    track_id: number | null;
  }>(
    `SELECT p.id AS set_id, e.* FROM unnest($1::int[]) AS p(id) CROSS JOIN LATERAL (
       SELECT e.position, e.line, e.raw, e.unknown, e.with_previous, e.artist, e.title, e.version, e.label,
              e.cue_seconds, coalesce(m.merged_into, e.track_id) AS track_id
       FROM set_entries e LEFT JOIN tracks m ON m.id = e.track_id
       WHERE e.set_id = p.id ORDER BY e.position LIMIT $2) e`,
    [setIds, perSet],
  );
  return groupBy(
    setIds,
    rows,
    (r) => r.set_id,
    (r) => ({
      position: r.position,
      line: r.line,
      raw: r.raw,
      unknown: r.unknown,
      withPrevious: r.with_previous,
      artist: r.artist,
      title: r.title,
      version: r.version,
      label: r.label,
      cueSeconds: r.cue_seconds === null ? null : Number(r.cue_seconds),
      trackId: r.track_id,
    }),
  );
}

export async function artistsByIds(
  q: Queryable,
  ids: readonly number[],
): Promise<Map<number, { id: number; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: number; name: string }>(
    'SELECT id, name FROM artists WHERE id = ANY($1::int[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export async function artistAliases(q: Queryable, ids: readonly number[]): Promise<Map<number, string[]>> {
  const rows = await q.query<{ artist_id: number; alias: string }>(
    'SELECT artist_id, alias FROM artist_aliases WHERE artist_id = ANY($1::int[]) ORDER BY artist_id, alias',
    [ids],
  );
  return groupBy(
    ids,
    rows,
    (r) => r.artist_id,
    (r) => r.alias,
  );
}

/** Each artist's credited tracks, most played first. */
export async function artistTracks(
  q: Queryable,
  ids: readonly number[],
  perArtist: number,
  viewer: Viewer,
): Promise<Map<number, TrackRecord[]>> {
  const rows = await q.query<TrackRow & { parent: number }>(
    `SELECT p.id AS parent, t.* FROM unnest($1::int[]) AS p(id) CROSS JOIN LATERAL (
       SELECT ${TRACK_COLUMNS}, (SELECT count(*) FROM set_entries e JOIN sets s ON s.id = e.set_id
                                 WHERE e.track_id = t.id AND ${visibleSet('s', '$3')}) AS plays
       FROM tracks t WHERE t.merged_into IS NULL AND ${visibleTrack('t', '$3')}
         AND t.id IN (SELECT ta.track_id FROM track_artists ta WHERE ta.artist_id = p.id)
       ORDER BY plays DESC, t.id LIMIT $2) t`,
    [ids, perArtist, viewer],
  );
  return groupBy(ids, rows, (r) => r.parent, trackRecordOf);
}

/** Artists credited on the same tracks as each artist, with how many tracks they share. */
export async function artistCollaborations(
  q: Queryable,
  ids: readonly number[],
  perArtist: number,
  viewer: Viewer,
): Promise<Map<number, { id: number; name: string; tracks: number }[]>> {
  const rows = await q.query<{ parent: number; id: number; name: string; tracks: number }>(
    `SELECT p.id AS parent, c.* FROM unnest($1::int[]) AS p(id) CROSS JOIN LATERAL (
       SELECT o.id, o.name, count(DISTINCT mine.track_id)::int AS tracks
       FROM track_artists mine
       JOIN track_artists other ON other.track_id = mine.track_id AND other.artist_id <> mine.artist_id
       JOIN artists o ON o.id = other.artist_id JOIN tracks t ON t.id = mine.track_id AND t.merged_into IS NULL
       WHERE mine.artist_id = p.id AND ${visibleTrack('t', '$3')}
       GROUP BY o.id, o.name ORDER BY tracks DESC, o.name LIMIT $2) c`,
    [ids, perArtist, viewer],
  );
  return groupBy(
    ids,
    rows,
    (r) => r.parent,
    (r) => ({ id: r.id, name: r.name, tracks: r.tracks }),
  );
}
