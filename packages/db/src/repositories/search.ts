// Candidates for the search box: full-text search for whole words, pg_trgm for typos, every condition
// answered by a GIN index (migrations 0000, 0009):
//   tracks:  words of "artist title"      to_tsvector('simple', …) @@ plainto_tsquery  (tracks_search_fts_idx)
//            else the folded query vs title key, title_key % q            (tracks_title_trgm_idx)
//            the tracks of the best-matching artists
//   artists: any word of the query in the name (artists_name_fts_idx); else key % q (artists_name_trgm_idx)
//   sets:    words of the title (sets_title_fts_idx)
// Stored keys are folded by core (case, accents, punctuation and spaces removed: `Daft Punk` →
// `daftpunk`); the caller folds the query the same way. Ranking against the whole query is the
// caller's; this returns at most a few times `limit` of each kind, and each kind's scan is bounded.
import type { Database } from '../database.ts';
import type { TrackSummary } from './catalog.ts';
import { type Viewer, visibleSet, visibleTrack } from './visibility.ts';

export interface SearchCandidates {
  artists: { id: number; name: string; key: string; tracks: number }[];
  tracks: (TrackSummary & { artistKeys: string[]; titleKey: string; plays: number })[];
  sets: { id: number; title: string | null; date: string | null; source: string; performers: string[] }[];
}

export async function searchCandidates(
  q: Database,
  query: { folded: string; text: string },
  limit: number,
  viewer: Viewer,
): Promise<SearchCandidates> {
  // Measured on 100,000 entries (PGlite): full-text conditions take ~1 ms; a trigram condition, 50–120
  // ms through its index but 400–700 ms when the planner prefers a sequential scan (it does not know
  // how costly `%` is per row in PGlite). So: trigrams only where whole words found too little (the
  // `typos` gates below, one-time filters), through their indexes (enable_seqscan off for this query),
  // and with a stricter similarity (0.4: a swapped pair of letters in a 12-letter name still passes).
  const r = await q.transaction(async (tx) => {
    await tx.query('SET LOCAL enable_seqscan = off');
    await tx.query('SET LOCAL pg_trgm.similarity_threshold = 0.4');
    const [row] = await tx.query<{ artists: unknown; tracks: unknown; sets: unknown }>(
      `WITH
     words AS (SELECT plainto_tsquery('simple', $2) AS every,
                      nullif(replace(plainto_tsquery('simple', $2)::text, '&', '|'), '') AS any_text),
     fa AS (SELECT x.id FROM artists x, words w
            WHERE w.any_text IS NOT NULL AND to_tsvector('simple', x.name) @@ w.any_text::tsquery LIMIT $3 * 4),
     ta AS (SELECT x.id FROM artists x
            WHERE (SELECT count(*) FROM fa) < $3 AND x.key % $1
            ORDER BY similarity(x.key, $1) DESC LIMIT $3 * 4),
     a AS (SELECT a.id, a.name, a.key FROM artists a WHERE a.id IN (SELECT id FROM fa UNION SELECT id FROM ta)
             -- Not an artist known only from others' private sets.
             AND (EXISTS (SELECT 1 FROM track_artists va JOIN tracks vt ON vt.id = va.track_id
                          WHERE va.artist_id = a.id AND ${visibleTrack('vt', '$4')})
                  OR EXISTS (SELECT 1 FROM set_performers vp JOIN sets vs ON vs.id = vp.set_id
                             WHERE vp.artist_id = a.id AND ${visibleSet('vs', '$4')}))),
     best_artists AS (
       SELECT a.id FROM a ORDER BY greatest(similarity(a.key, $1), word_similarity(a.key, $1)) DESC LIMIT 5),
     ft AS (SELECT t.id FROM tracks t, words w
            WHERE to_tsvector('simple', t.artist_name || ' ' || t.title) @@ w.every AND t.merged_into IS NULL
              AND ${visibleTrack('t', '$4')}
            LIMIT $3 * 8),
     tt AS (SELECT t.id FROM tracks t
            WHERE (SELECT count(*) FROM ft) < $3 AND t.title_key % $1 AND t.merged_into IS NULL
              AND ${visibleTrack('t', '$4')}
            ORDER BY similarity(t.title_key, $1) DESC LIMIT $3 * 8),
     cand AS (
       SELECT id FROM ft UNION SELECT id FROM tt
       UNION (SELECT ta.track_id FROM best_artists b JOIN track_artists ta ON ta.artist_id = b.id AND ta.role = 'primary'
              LIMIT $3 * 8)),
     t AS (
       SELECT t.id, t.artist_name AS artist, t.title, t.version, t.bpm, t.camelot_key AS key, t.genre, t.year,
              t.title_key AS "titleKey",
              (SELECT coalesce(array_agg(ka.key), '{}') FROM track_artists kt JOIN artists ka ON ka.id = kt.artist_id
                WHERE kt.track_id = t.id AND kt.role = 'primary') AS "artistKeys",
              (SELECT count(*) FROM set_entries e JOIN sets ps ON ps.id = e.set_id
                WHERE e.track_id = t.id AND ${visibleSet('ps', '$4')})::int AS plays
       FROM cand JOIN tracks t ON t.id = cand.id AND t.merged_into IS NULL AND ${visibleTrack('t', '$4')}),
     s AS (
       SELECT s.id, s.title, s.played_on::text AS date, src.name AS source,
              (SELECT coalesce(array_agg(pa.name ORDER BY sp.position), '{}') FROM set_performers sp
                 JOIN artists pa ON pa.id = sp.artist_id WHERE sp.set_id = s.id) AS performers
       FROM sets s JOIN sources src ON src.id = s.source_id, words w
       WHERE to_tsvector('simple', coalesce(s.title, '')) @@ w.every AND ${visibleSet('s', '$4')}
       ORDER BY s.played_on DESC NULLS LAST, s.id LIMIT $3)
     SELECT
       (SELECT coalesce(json_agg(x), '[]') FROM (
          SELECT a.*, (SELECT count(*) FROM track_artists ta JOIN tracks ct ON ct.id = ta.track_id
                       WHERE ta.artist_id = a.id AND ${visibleTrack('ct', '$4')})::int AS tracks FROM a) x)
          AS artists,
       (SELECT coalesce(json_agg(t), '[]') FROM t) AS tracks,
       (SELECT coalesce(json_agg(s), '[]') FROM s) AS sets`,
      [query.folded, query.text, limit, viewer],
    );
    return row!;
  });
  const parse = <T>(v: unknown): T[] => (typeof v === 'string' ? JSON.parse(v) : (v as T[]));
  return { artists: parse(r.artists), tracks: parse(r.tracks), sets: parse(r.sets) };
}
