// What the export writers need, read in the shape they write: playlists (the tracks of a set or of a
// list of ids, in order) and the graph (tracks with their attributes, transitions with their
// evidence). A track that dedupe merged away is exported as the track it was merged into, so an export
// names the tracks the rest of the application shows. Unknown BPM, key, genre or length stay null.
import type { Queryable } from '../database.ts';
import { latestCommunities } from './graph.ts';
import { type Viewer, visibleSet, visibleTrack } from './visibility.ts';

export interface PlaylistTrack {
  id: number;
  artist: string;
  title: string;
  version: string | null;
  bpm: number | null;
  /** Camelot 1A…12B. */
  key: string | null;
  genre: string | null;
  durationSeconds: number | null;
  /** Remixers credited on the track, in credit order (DJ software has a field for them). */
  remixers: string[];
}

type TrackRow = {
  id: number;
  artist_name: string;
  title: string;
  version: string | null;
  bpm: number | null;
  camelot_key: string | null;
  genre: string | null;
  duration_seconds: number | null;
  remixers: string[] | null;
};
/** Remixer credits of `t`, in order: a column of every track read here. */
const REMIXERS = (t: string) => `(SELECT array_agg(ar.name ORDER BY ta.position) FROM track_artists ta
  JOIN artists ar ON ar.id = ta.artist_id WHERE ta.track_id = ${t}.id AND ta.role = 'remixer') AS remixers`;
const trackOf = (r: TrackRow): PlaylistTrack => ({
  id: r.id,
  artist: r.artist_name,
  title: r.title,
  version: r.version,
  bpm: r.bpm === null ? null : Number(r.bpm),
  key: r.camelot_key,
  genre: r.genre,
  durationSeconds: r.duration_seconds === null ? null : Number(r.duration_seconds),
  remixers: r.remixers ?? [],
});

/**
 * The tracks of `ids` in the order given (repeats kept), each merged-away id replaced by the track it
 * was merged into; `missing` lists the positions (0-based) of ids no track has.
 */
export async function playlistTracks(
  q: Queryable,
  ids: readonly number[],
  viewer: Viewer,
): Promise<{ tracks: PlaylistTrack[]; missing: number[] }> {
  // A track the viewer may not see is missing, as one that does not exist.
  const rows = await q.query<TrackRow & { asked: number }>(
    `SELECT a.asked, t.id, t.artist_name, t.title, t.version, t.bpm, t.camelot_key, t.genre, t.duration_seconds,
       ${REMIXERS('t')}
     FROM (SELECT DISTINCT unnest($1::int[]) AS asked) a
     JOIN tracks m ON m.id = a.asked
     JOIN tracks t ON t.id = coalesce(m.merged_into, m.id)
     WHERE ${visibleTrack('t', '$2')}`,
    [[...new Set(ids)], viewer],
  );
  const byId = new Map(rows.map((r) => [r.asked, trackOf(r)]));
  const tracks: PlaylistTrack[] = [];
  const missing: number[] = [];
  ids.forEach((id, i) => {
    const t = byId.get(id);
    if (t) tracks.push(t);
    else missing.push(i);
  });
  return { tracks, missing };
}

export interface SetPlaylist {
  id: number;
  title: string | null;
  performers: string[];
  date: string | null;
  /** Identified entries in play order (w/ layers included where they were played). */
  trackIds: number[];
  /** Entries nobody identified ("ID - ID"): no file or library can hold them, so they are left out. */
  unknownEntries: number;
}

export async function setPlaylist(q: Queryable, setId: number, viewer: Viewer): Promise<SetPlaylist | null> {
  const [s] = await q.query<{
    id: number;
    title: string | null;
    played_on: string | null;
    performers: string[] | null;
    track_ids: number[] | null;
    unknown_entries: number;
  }>(
    `SELECT s.id, s.title, s.played_on::text AS played_on,
       (SELECT array_agg(a.name ORDER BY sp.position) FROM set_performers sp
          JOIN artists a ON a.id = sp.artist_id WHERE sp.set_id = s.id) AS performers,
       (SELECT array_agg(coalesce(t.merged_into, t.id) ORDER BY e.position) FROM set_entries e
          JOIN tracks t ON t.id = e.track_id WHERE e.set_id = s.id) AS track_ids,
       (SELECT count(*)::int FROM set_entries e WHERE e.set_id = s.id AND e.track_id IS NULL) AS unknown_entries
     FROM sets s WHERE s.id = $1 AND ${visibleSet('s', '$2')}`,
    [setId, viewer],
  );
  if (!s) return null;
  return {
    id: s.id,
    title: s.title,
    performers: s.performers ?? [],
    date: s.played_on,
    trackIds: s.track_ids ?? [],
    unknownEntries: s.unknown_entries,
  };
}

/** Whether an export of this set or these tracks holds private data (a private set, a private track). */
export async function holdsPrivateData(
  q: Queryable,
  what: { setId?: number; trackIds?: readonly number[] },
): Promise<boolean> {
  const [r] = await q.query<{ private: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM sets WHERE id = $1 AND visibility = 'private')
         OR EXISTS (SELECT 1 FROM tracks WHERE id = ANY($2::int[]) AND private_to IS NOT NULL) AS private`,
    [what.setId ?? null, what.trackIds ?? []],
  );
  return r?.private ?? false;
}

export interface GraphExportFilter {
  minCount?: number;
  minDjs?: number;
  bpmMin?: number;
  bpmMax?: number;
  /** Camelot keys; both ends of an edge must be in one of them. */
  keys?: string[];
  genres?: string[];
  yearFrom?: number;
  yearTo?: number;
  /** The strongest edges only (by count, then DJs). */
  maxEdges?: number;
}

export interface GraphExportNode extends PlaylistTrack {
  /** Every credited artist: primary, then featured, then remixers, each in credit order. */
  artists: string[];
  /** Community of the latest stored community detection; null when it has none for this track. */
  community: number | null;
  /** Entries that name this track across all public sets. */
  plays: number;
}

export interface GraphExportEdge {
  from: number;
  to: number;
  count: number;
  djs: number;
  sets: number;
}

export interface GraphExport {
  nodes: GraphExportNode[];
  edges: GraphExportEdge[];
}

/**
 * The transitions passing the filter (both ends passing its track conditions) and the tracks they join.
 * Public by construction: transitions come from public sets only, and so do the plays counted here.
 */
export async function graphExport(q: Queryable, f: GraphExportFilter): Promise<GraphExport> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const edgeConditions: string[] = [];
  if (f.minCount !== undefined) edgeConditions.push(`tr.count >= ${p(f.minCount)}`);
  if (f.minDjs !== undefined) edgeConditions.push(`tr.dj_count >= ${p(f.minDjs)}`);
  const trackConditions = (t: string) => {
    const c = [`${t}.merged_into IS NULL`];
    if (f.bpmMin !== undefined) c.push(`${t}.bpm >= ${p(f.bpmMin)}`);
    if (f.bpmMax !== undefined) c.push(`${t}.bpm <= ${p(f.bpmMax)}`);
    if (f.keys !== undefined) c.push(`${t}.camelot_key = ANY(${p(f.keys)}::text[])`);
    if (f.genres !== undefined)
      c.push(`lower(${t}.genre) = ANY(${p(f.genres.map((g) => g.toLowerCase()))}::text[])`);
    if (f.yearFrom !== undefined) c.push(`${t}.year >= ${p(f.yearFrom)}`);
    if (f.yearTo !== undefined) c.push(`${t}.year <= ${p(f.yearTo)}`);
    return c;
  };
  const where = [...edgeConditions, ...trackConditions('a'), ...trackConditions('b')].join(' AND ');
  const limit = f.maxEdges === undefined ? '' : `LIMIT ${p(f.maxEdges)}`;
  const edges = await q.query<{ f: number; t: number; count: number; djs: number; sets: number }>(
    `SELECT tr.from_track_id AS f, tr.to_track_id AS t, tr.count, tr.dj_count AS djs, tr.set_count AS sets
     FROM transitions tr JOIN tracks a ON a.id = tr.from_track_id JOIN tracks b ON b.id = tr.to_track_id
     WHERE ${where}
     ORDER BY tr.count DESC, tr.dj_count DESC, tr.from_track_id, tr.to_track_id ${limit}`,
    params,
  );
  const ids = [...new Set(edges.flatMap((e) => [e.f, e.t]))].sort((x, y) => x - y);
  // Credits and plays in one grouped query each, rather than two subqueries per track.
  const rows = await q.query<TrackRow>(
    `SELECT t.id, t.artist_name, t.title, t.version, t.bpm, t.camelot_key, t.genre, t.duration_seconds,
       NULL AS remixers
     FROM tracks t WHERE t.id = ANY($1::int[]) ORDER BY t.id`,
    [ids],
  );
  // Roles sort primary, featured, remixer.
  const credits = await q.query<{ id: number; artists: string[]; remixers: string[] | null }>(
    `SELECT ta.track_id AS id, array_agg(ar.name ORDER BY ta.role, ta.position) AS artists,
       array_agg(ar.name ORDER BY ta.position) FILTER (WHERE ta.role = 'remixer') AS remixers
     FROM track_artists ta JOIN artists ar ON ar.id = ta.artist_id
     WHERE ta.track_id = ANY($1::int[]) GROUP BY ta.track_id`,
    [ids],
  );
  const plays = await q.query<{ id: number; n: number }>(
    `SELECT e.track_id AS id, count(*)::int AS n FROM set_entries e JOIN sets s ON s.id = e.set_id
     WHERE e.track_id = ANY($1::int[]) AND s.visibility = 'public' GROUP BY e.track_id`,
    [ids],
  );
  const creditsOf = new Map(credits.map((c) => [c.id, c]));
  const playsOf = new Map(plays.map((p) => [p.id, p.n]));
  const stored = await latestCommunities(q);
  const community = new Map<number, number>();
  if (stored) for (const [i, id] of stored.trackIds.entries()) community.set(id, stored.communities[i]!);
  return {
    nodes: rows.map((r) => ({
      ...trackOf(r),
      remixers: creditsOf.get(r.id)?.remixers ?? [],
      artists: creditsOf.get(r.id)?.artists ?? [r.artist_name],
      community: community.get(r.id) ?? null,
      plays: playsOf.get(r.id) ?? 0,
    })),
    edges: edges.map((e) => ({ from: e.f, to: e.t, count: e.count, djs: e.djs, sets: e.sets })),
  };
}
