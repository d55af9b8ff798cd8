// The search box's SQL, in two statements per search (the caller ranks in between):
//
// searchCandidates: what may match, at most a few times `limit` of each kind, every condition answered
// by an index (migrations 0000, 0009, 0013):
//   artists: key = a span of the query          (artists_key_idx, btree: exact names, accents folded)
//            a significant word of the name      (artists_name_fts_idx)
//            key % query, unless it is exact     (artists_name_trgm_idx: typos)
//   tracks:  title_key = a span of the query     (tracks_title_key_idx)
//            every word of "artist title"        (tracks_search_fts_idx)
//            else titles % query in search_titles (search_titles_trgm_idx), then their tracks
//            the primary tracks of the 5 best-matching artists
//   sets:    every word of the title             (sets_title_fts_idx)
// searchCounts: plays of the tracks and tracks of the artists the caller kept, the costly part
// (per row counted), for those few only; an artist's tracks are counted from track_artists_artist_idx
// alone, checking only the hidden tracks (tracks_private_idx) for visibility (migration 0014).
//
// Stored keys are folded by core (case, accents, punctuation and spaces removed: `Daft Punk` →
// `daftpunk`); the caller folds the query and its spans (runs of words) the same way.
import type { Database } from '../database.ts';
import type { TrackSummary } from './catalog.ts';
import { type Viewer, visibleSet, visibleTrack } from './visibility.ts';

export interface SearchQuery {
  /** The whole query folded like the stored keys (`daft pnuk` → `daftpnuk`). */
  folded: string;
  /** Runs of the query's words folded the same way (`daftpnuk`, `daft`, `pnuk`), the whole included. */
  spans: string[];
  /** The spans of two words or more, and the whole: an artist named exactly by one needs no typo search. */
  nameSpans: string[];
  /** The words as typed, without the ones too common to choose an artist by (`the`, `dj`, …). */
  nameWords: string;
  /** The query as typed, for full-text search. */
  text: string;
}

export interface SearchCandidates {
  artists: { id: number; name: string; key: string }[];
  tracks: (TrackSummary & { titleKey: string })[];
  sets: { id: number; title: string | null; date: string | null; source: string; performers: string[] }[];
}

/**
 * pg_trgm similarity a typo must keep: 0.4 lets a swapped pair of letters in a 12-letter name pass
 * while keeping the trigram scans short (pg_trgm's default, 0.3, returns several times more rows).
 */
const TYPO_SIMILARITY = 0.4;
/** Title keys taken from search_titles per search; each brings its tracks (titles repeat across artists). */
const TITLE_KEYS = 20;

export async function searchCandidates(
  q: Database,
  query: SearchQuery,
  limit: number,
  viewer: Viewer,
): Promise<SearchCandidates> {
  // In a transaction for SET LOCAL: `%` reads its threshold from this setting. enable_seqscan off: the
  // planner does not know what `%` costs per row (PGlite chose sequential scans of 400–700 ms at 100,000
  // entries); every scan below has an index.
  const r = await q.transaction(async (tx) => {
    await tx.exec(
      `SET LOCAL enable_seqscan = off; SET LOCAL pg_trgm.similarity_threshold = ${TYPO_SIMILARITY}`,
    );
    const [row] = await tx.query<{ artists: unknown; tracks: unknown; sets: unknown }>(
      `WITH
     words AS (SELECT plainto_tsquery('simple', $2) AS every,
                      nullif(replace(plainto_tsquery('simple', $6)::text, '&', '|'), '') AS any_text),
     xa AS (SELECT x.id FROM artists x WHERE x.key = ANY($5::text[]) LIMIT $3 * 4),
     fa AS (SELECT x.id FROM artists x, words w
            WHERE w.any_text IS NOT NULL AND to_tsvector('simple', x.name) @@ w.any_text::tsquery LIMIT $3 * 2),
     -- Typos (the costliest scan here, 314,000 keys at 1M entries): unless the query names an artist exactly.
     ta AS (SELECT x.id FROM artists x
            WHERE NOT EXISTS (SELECT 1 FROM artists e WHERE e.key = ANY($7::text[])) AND x.key % $1
            ORDER BY similarity(x.key, $1) DESC LIMIT $3 * 4),
     a AS (SELECT a.id, a.name, a.key FROM artists a
           WHERE a.id IN (SELECT id FROM xa UNION SELECT id FROM fa UNION SELECT id FROM ta)
             -- Not an artist known only from others' private sets (a track it has that is not hidden).
             AND (EXISTS (SELECT 1 FROM track_artists va WHERE va.artist_id = a.id
                          AND NOT EXISTS (SELECT 1 FROM tracks h WHERE h.id = va.track_id AND h.private_to IS NOT NULL
                                          AND NOT ${visibleTrack('h', '$4')}))
                  OR EXISTS (SELECT 1 FROM set_performers vp JOIN sets vs ON vs.id = vp.set_id
                             WHERE vp.artist_id = a.id AND ${visibleSet('vs', '$4')}))),
     best_artists AS (
       SELECT a.id FROM a ORDER BY greatest(similarity(a.key, $1), word_similarity(a.key, $1)) DESC LIMIT 5),
     -- Per span, so that a common title (3,000 tracks called "Garden" at 1M entries) stops at the limit.
     xt AS (SELECT x.id FROM unnest($5::text[]) AS k(key),
              LATERAL (SELECT t.id FROM tracks t
                       WHERE t.title_key = k.key AND t.merged_into IS NULL AND ${visibleTrack('t', '$4')}
                       LIMIT $3 * 4) x
            LIMIT $3 * 4),
     ft AS (SELECT t.id FROM tracks t, words w
            WHERE to_tsvector('simple', t.artist_name || ' ' || t.title) @@ w.every AND t.merged_into IS NULL
              AND ${visibleTrack('t', '$4')}
            LIMIT $3 * 4),
     -- Typos in the title: the nearest distinct titles, then their tracks.
     titles AS (SELECT k.key FROM search_titles k
                WHERE (SELECT count(*) FROM (SELECT id FROM xt UNION SELECT id FROM ft) f) < $3 AND k.key % $1
                ORDER BY similarity(k.key, $1) DESC LIMIT ${TITLE_KEYS}),
     tt AS (SELECT t.id FROM titles k JOIN tracks t ON t.title_key = k.key
            WHERE t.merged_into IS NULL AND ${visibleTrack('t', '$4')} LIMIT $3 * 4),
     cand AS (
       SELECT id FROM xt UNION SELECT id FROM ft UNION SELECT id FROM tt
       UNION (SELECT ta.track_id FROM best_artists b JOIN track_artists ta ON ta.artist_id = b.id AND ta.role = 'primary'
              LIMIT $3 * 4)),
     t AS (
       SELECT t.id, t.artist_name AS artist, t.title, t.version, t.bpm, t.camelot_key AS key, t.genre, t.year,
              t.title_key AS "titleKey"
       FROM cand JOIN tracks t ON t.id = cand.id AND t.merged_into IS NULL AND ${visibleTrack('t', '$4')}),
     s AS (
       SELECT s.id, s.title, s.played_on::text AS date, src.name AS source,
              (SELECT coalesce(array_agg(pa.name ORDER BY sp.position), '{}') FROM set_performers sp
                 JOIN artists pa ON pa.id = sp.artist_id WHERE sp.set_id = s.id) AS performers
       FROM sets s JOIN sources src ON src.id = s.source_id, words w
       WHERE to_tsvector('simple', coalesce(s.title, '')) @@ w.every AND ${visibleSet('s', '$4')}
       ORDER BY s.played_on DESC NULLS LAST, s.id LIMIT $3)
     SELECT (SELECT coalesce(json_agg(a), '[]') FROM a) AS artists,
            (SELECT coalesce(json_agg(t), '[]') FROM t) AS tracks,
            (SELECT coalesce(json_agg(s), '[]') FROM s) AS sets`,
      [query.folded, query.text, limit, viewer, query.spans, query.nameWords, query.nameSpans],
    );
    return row!;
  });
  return { artists: parseJson(r.artists), tracks: parseJson(r.tracks), sets: parseJson(r.sets) };
}

/** Plays of each track (entries in sets the viewer sees) and tracks of each artist (that the viewer sees). */
export async function searchCounts(
  q: Database,
  ids: { tracks: number[]; artists: number[] },
  viewer: Viewer,
): Promise<{ plays: Map<number, number>; tracks: Map<number, number> }> {
  if (ids.tracks.length === 0 && ids.artists.length === 0) return { plays: new Map(), tracks: new Map() };
  const [row] = await q.query<{ plays: unknown; tracks: unknown }>(
    `SELECT
       (SELECT coalesce(json_agg(json_build_array(x.id, (
          SELECT count(*) FROM set_entries e JOIN sets ps ON ps.id = e.set_id
          WHERE e.track_id = x.id AND ${visibleSet('ps', '$3')}))), '[]')
        FROM unnest($1::int[]) AS x(id)) AS plays,
       (SELECT coalesce(json_agg(json_build_array(x.id, (
          SELECT count(*) FROM track_artists ta WHERE ta.artist_id = x.id
            AND NOT EXISTS (SELECT 1 FROM tracks h WHERE h.id = ta.track_id AND h.private_to IS NOT NULL
                            AND NOT ${visibleTrack('h', '$3')})))), '[]')
        FROM unnest($2::int[]) AS x(id)) AS tracks`,
    [ids.tracks, ids.artists, viewer],
  );
  return {
    plays: new Map(parseJson<[number, number]>(row!.plays)),
    tracks: new Map(parseJson<[number, number]>(row!.tracks)),
  };
}

/** json_agg arrives parsed from node-postgres and as text from PGlite. */
const parseJson = <T>(v: unknown): T[] => (typeof v === 'string' ? JSON.parse(v) : (v as T[]));
